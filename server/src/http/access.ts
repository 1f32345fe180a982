import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.ts";
import { hasAll, type Permission } from "../modules/access/permissions.ts";
import { resolveSession, SESSION_COOKIE, type UserContext } from "../modules/access/sessions.ts";
import { type FeatureFlag, featureEnabled } from "../modules/licensing/features.ts";
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
  | { kind: "operator" };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: UserContext | null;
    operator: OperatorContext | null;
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

export function registerAccessGuard(app: FastifyInstance, database: Database): void {
  app.decorateRequest("user", null);
  app.decorateRequest("operator", null);

  app.addHook("onRoute", (route) => {
    const needsDeclaration = route.url.startsWith("/api/");
    if (needsDeclaration && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access).`);
    }
  });

  app.addHook("onRequest", async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === "public") return;
    if (access.kind === "operator") {
      const op = await resolveOperator(database.db, request.cookies[OPERATOR_COOKIE]);
      if (!op) throw new AppError("unauthenticated", "Sign in as operator first.");
      checkCsrf(request, op.csrfToken);
      request.operator = op;
      return;
    }
    const user = await resolveSession(database.db, request.cookies[SESSION_COOKIE]);
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    checkCsrf(request, user.csrfToken);
    request.user = user;
    if (access.kind === "signed-in") return;
    if (access.itsm && !user.license?.active) throw new AppError("not_found", "This page does not exist.");
    if (access.feature) {
      if (!user.license?.active) throw new AppError("not_found", "This page does not exist.");
      if (!featureEnabled(user.license, access.feature)) {
        throw new AppError(
          "feature_disabled",
          `The feature "${access.feature}" is not enabled for this tenant.`,
          {
            extra: { feature: access.feature },
          },
        );
      }
    }
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

/** Cookie-authenticated writes must echo the session's CSRF token in a header (synchronizer token). */
function checkCsrf(request: FastifyRequest, expected: string): void {
  if (!WRITE_METHODS.has(request.method)) return;
  if (request.headers["x-csrf-token"] !== expected) {
    throw new AppError("csrf_failed", "Missing or wrong x-csrf-token header. Reload the page and try again.");
  }
}
