import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.ts";
import { hasAll, type Permission } from "../modules/access/permissions.ts";
import { resolveSession, SESSION_COOKIE, type UserContext } from "../modules/access/sessions.ts";
import { type FeatureFlag, featureEnabled, type LicenseState } from "../modules/licensing/features.ts";
import { OPERATOR_COOKIE, type OperatorContext, resolveOperator } from "../modules/operator/operators.ts";
import { AppError } from "./errors.ts";

/**
 * What a route needs, declared next to the route (`config: { access: … }`). The one guard below checks
 * it; the server refuses to start if an /api route declares nothing.
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "signed-in" }
  | {
      kind: "user";
      /** All of these. */
      permissions?: readonly Permission[];
      /** At least one of these. */
      anyOf?: readonly Permission[];
      /** ITSM routes: the license must be active (else 404) and this flag on (else 403 naming it). */
      feature?: FeatureFlag;
      /** ITSM routes without a flag of their own (Settings → ITSM): the license must be active. */
      itsm?: boolean;
    }
  | { kind: "operator" }
  | {
      /** Public API: `Authorization: Bearer <api key>`. The key must hold `scope`. */
      kind: "api-key";
      scope: string;
      /** As for users: the license must be active (else 404) and this flag on (else 403 naming it). */
      feature?: FeatureFlag;
      /** All of these, among the permissions the key may use (its owner's, cut down by its scopes). */
      permissions?: readonly Permission[];
    };

/** The caller of an `api-key` route: the key's owner, with what the key may use of their permissions. */
export interface ApiKeyCaller {
  keyId: string;
  tenantId: string;
  userId: string;
  scopes: readonly string[];
  permissions: ReadonlySet<string>;
  license: LicenseState | null;
}

/**
 * Resolves `Authorization: Bearer …` (401 when missing or not valid), sets `request.apiKey`, and applies
 * the key's rate limit (429) — implemented by the Public API module (modules/public-api/gate.ts).
 */
export interface ApiKeyAuthenticator {
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<ApiKeyCaller>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: UserContext | null;
    operator: OperatorContext | null;
    apiKey: ApiKeyCaller | null;
  }
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The signed-in user of a route declared `user` or `signed-in` (the guard has already checked). */
export function userOf(request: FastifyRequest): UserContext {
  if (!request.user) throw new AppError("unauthenticated", "Sign in first.");
  return request.user;
}

export function operatorOf(request: FastifyRequest): OperatorContext {
  if (!request.operator) throw new AppError("unauthenticated", "Sign in as operator first.");
  return request.operator;
}

/** The caller of a route declared `api-key` (the guard has already checked). */
export function apiKeyOf(request: FastifyRequest): ApiKeyCaller {
  if (!request.apiKey) throw new AppError("unauthenticated", "Send an API key.");
  return request.apiKey;
}

export function registerAccessGuard(
  app: FastifyInstance,
  database: Database,
  apiKeys: ApiKeyAuthenticator | null = null,
): void {
  app.decorateRequest("user", null);
  app.decorateRequest("operator", null);
  app.decorateRequest("apiKey", null);

  app.addHook("onRoute", (route) => {
    const needsDeclaration = route.url.startsWith("/api/") || route.url.startsWith("/public/");
    if (needsDeclaration && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access).`);
    }
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === "public") return;
    if (access.kind === "operator") {
      const op = await resolveOperator(database.db, request.cookies[OPERATOR_COOKIE]);
      if (!op) throw new AppError("unauthenticated", "Sign in as operator first.");
      checkCsrf(request, op.csrfToken);
      request.operator = op;
      return;
    }
    if (access.kind === "api-key") {
      if (!apiKeys) throw new Error("An api-key route needs an ApiKeyAuthenticator.");
      const caller = await apiKeys.authenticate(request, reply);
      if (access.feature) checkFeature(caller.license, access.feature);
      if (!caller.scopes.includes(access.scope)) {
        throw new AppError("forbidden", `This API key lacks the scope ${access.scope}.`, {
          extra: { scope: access.scope },
        });
      }
      const missing = (access.permissions ?? []).filter((p) => !caller.permissions.has(p));
      if (missing.length > 0) {
        throw new AppError(
          "forbidden",
          `This API key acts as a user without the permission ${missing.join(" and ")}, so it cannot do this.`,
        );
      }
      return;
    }
    const user = await resolveSession(database, request.cookies[SESSION_COOKIE]);
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    checkCsrf(request, user.csrfToken);
    request.user = user;
    if (access.kind === "signed-in") return;
    if (access.itsm && !user.license?.active) throw new AppError("not_found", "This page does not exist.");
    if (access.feature) checkFeature(user.license, access.feature);
    if (access.permissions && !hasAll(user.permissions, access.permissions)) {
      const missing = access.permissions.filter((p) => !user.permissions.has(p));
      throw new AppError("forbidden", `You need the permission ${missing.join(" and ")} to do this.`);
    }
    if (access.anyOf && !access.anyOf.some((p) => user.permissions.has(p))) {
      throw new AppError(
        "forbidden",
        `You need one of the permissions ${access.anyOf.join(", ")} to do this.`,
      );
    }
  });
}

/** ITSM license inactive or absent: the route does not exist (404); flag off: 403 naming the flag. */
function checkFeature(license: LicenseState | null, feature: FeatureFlag): void {
  if (!license?.active) throw new AppError("not_found", "This page does not exist.");
  if (!featureEnabled(license, feature)) {
    throw new AppError("feature_disabled", `The feature "${feature}" is not enabled for this tenant.`, {
      extra: { feature },
    });
  }
}

/** Cookie-authenticated writes must echo the session's CSRF token in a header (synchronizer token). */
function checkCsrf(request: FastifyRequest, expected: string): void {
  if (!WRITE_METHODS.has(request.method)) return;
  if (request.headers["x-csrf-token"] !== expected) {
    throw new AppError("csrf_failed", "Missing or wrong x-csrf-token header. Reload the page and try again.");
  }
}
