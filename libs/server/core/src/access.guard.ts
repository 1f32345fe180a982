import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type OnApplicationBootstrap,
  Optional,
} from "@nestjs/common";
import { DiscoveryService, MetadataScanner, Reflector } from "@nestjs/core";
import { type FeatureFlag, featureEnabled, type LicenseState } from "@uslimato/domain";
import type { FastifyReply } from "fastify";
import {
  ACCESS_METADATA,
  ApiKeyAuthenticator,
  type CallerRequest,
  OperatorSessionResolver,
  type RouteAccess,
  SessionResolver,
} from "./access.ts";
import { AppError } from "./errors.ts";

export const SESSION_COOKIE = "uslimato_session";
export const OPERATOR_COOKIE = "uslimato_operator";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one access guard (registered globally): reads the route's `@Access(…)` and denies anything it
 * does not allow. A route without a declaration is a bug, refused at start (onApplicationBootstrap).
 */
@Injectable()
export class AccessGuard implements CanActivate, OnApplicationBootstrap {
  constructor(
    private readonly reflector: Reflector,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Optional() private readonly sessions?: SessionResolver,
    @Optional() private readonly operators?: OperatorSessionResolver,
    @Optional() private readonly apiKeys?: ApiKeyAuthenticator,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = routesWithoutAccess(this.discovery, this.scanner, this.reflector);
    if (undeclared.length > 0) {
      throw new Error(`These routes declare no access rule (@Access): ${undeclared.join(", ")}.`);
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access)
      throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access.`);
    if (access.kind === "public") return true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies ?? {};

    if (access.kind === "operator") {
      const op = await this.required(this.operators, "OperatorSessionResolver").resolve(
        cookies[OPERATOR_COOKIE],
      );
      if (!op) throw new AppError("unauthenticated", "Sign in as operator first.");
      checkCsrf(request, op.csrfToken);
      request.operator = op;
      return true;
    }

    if (access.kind === "api-key") {
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      const caller = await this.required(this.apiKeys, "ApiKeyAuthenticator").authenticate(request, reply);
      request.apiKey = caller;
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
      return true;
    }

    const user = await this.required(this.sessions, "SessionResolver").resolve(cookies[SESSION_COOKIE]);
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    checkCsrf(request, user.csrfToken);
    request.user = user;
    if (access.kind === "signed-in") return true;
    if (access.itsm && !user.license?.active) throw new AppError("not_found", "This page does not exist.");
    if (access.feature) checkFeature(user.license, access.feature);
    const missing = (access.permissions ?? []).filter((p) => !user.permissions.has(p));
    if (missing.length > 0) {
      throw new AppError("forbidden", `You need the permission ${missing.join(" and ")} to do this.`);
    }
    if (access.anyOf && !access.anyOf.some((p) => user.permissions.has(p))) {
      throw new AppError(
        "forbidden",
        `You need one of the permissions ${access.anyOf.join(", ")} to do this.`,
      );
    }
    return true;
  }

  private required<T>(resolver: T | undefined, name: string): T {
    if (!resolver) throw new Error(`No ${name} is provided: import the module that implements it.`);
    return resolver;
  }
}

/** Every controller route (as "Controller.method") that has no `@Access` on itself or its controller. */
export function routesWithoutAccess(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): string[] {
  const missing: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      // Only request handlers carry a path (set by @Get, @Post, …).
      if (Reflect.getMetadata("path", handler) === undefined) continue;
      const declared = reflector.getAllAndOverride(ACCESS_METADATA, [handler, wrapper.metatype]);
      if (!declared) missing.push(`${wrapper.metatype.name}.${name}`);
    }
  }
  return missing;
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
function checkCsrf(request: CallerRequest, expected: string): void {
  if (!WRITE_METHODS.has(request.method)) return;
  if (request.headers["x-csrf-token"] !== expected) {
    throw new AppError("csrf_failed", "Missing or wrong x-csrf-token header. Reload the page and try again.");
  }
}
