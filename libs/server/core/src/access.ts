import { createParamDecorator, type ExecutionContext, SetMetadata } from "@nestjs/common";
import type { FeatureFlag, Permission } from "@uslimato/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiKeyCaller, CallerSlots, OperatorContext, UserContext } from "./callers.ts";
import { AppError } from "./errors.ts";

/**
 * What a route needs, declared on the route with `@Access(…)` (or on its controller). The one global
 * guard (AccessGuard) checks it; the app refuses to start if a route declares nothing.
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
      /** All of these, among the permissions the key may use. */
      permissions?: readonly Permission[];
    };

export const ACCESS_METADATA = "uslimato:access";

/** Declare who may call a route (or every route of a controller). */
export const Access = (access: RouteAccess) => SetMetadata(ACCESS_METADATA, access);

/**
 * Resolves the session cookie to the signed-in user (null when it is missing, expired or not valid).
 * Implemented by the access module.
 */
export abstract class SessionResolver {
  abstract resolve(cookie: string | undefined): Promise<UserContext | null>;
}

/** Resolves the operator session cookie. Implemented by the operator module. */
export abstract class OperatorSessionResolver {
  abstract resolve(cookie: string | undefined): Promise<OperatorContext | null>;
}

/**
 * Resolves `Authorization: Bearer …` (401 when missing or not valid) and applies the key's rate limit
 * (429, with its headers on the reply). Implemented by the Public API module.
 */
export abstract class ApiKeyAuthenticator {
  abstract authenticate(request: FastifyRequest, reply: FastifyReply): Promise<ApiKeyCaller>;
}

export type CallerRequest = FastifyRequest & CallerSlots;

const slot = <K extends keyof CallerSlots>(key: K, message: string) =>
  createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
    const value = ctx.switchToHttp().getRequest<CallerRequest>()[key];
    if (!value) throw new AppError("unauthenticated", message);
    return value;
  });

/** The signed-in user of a route declared `user` or `signed-in` (the guard has already checked). */
export const CurrentUser = slot("user", "Sign in first.");
/** The operator of a route declared `operator`. */
export const CurrentOperator = slot("operator", "Sign in as operator first.");
/** The API key of a route declared `api-key`. */
export const CurrentApiKey = slot("apiKey", "Send an API key.");
