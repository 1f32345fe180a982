import { Injectable, type OnModuleInit, RequestMethod } from "@nestjs/common";
import { METHOD_METADATA, PATH_METADATA } from "@nestjs/common/constants.js";
import { DiscoveryService, HttpAdapterHost, MetadataScanner, Reflector } from "@nestjs/core";
import { ACCESS_METADATA, type ApiKeyCaller, type RouteAccess } from "@uslimato/server-core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiKeyGate } from "./api-key.gate.ts";
import { UsageService } from "./usage.service.ts";

/**
 * Two Fastify hooks for the routes declared `api-key`:
 *  - onRequest: the key is checked (401) and counted against its rate limit (429, RateLimit headers)
 *    as soon as the request arrives — before its body is parsed, as the old server's guard did — so a
 *    malformed, too large or non-JSON body (400/413/415) still carries the headers and a bad key is a
 *    401 first. The access guard's own call later gets the same answer (ApiKeyGate answers once);
 *  - onResponse: every answer to a request with a valid key, 4xx and 429 included, is metered.
 */
@Injectable()
export class PublicApiHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly gate: ApiKeyGate,
    private readonly usage: UsageService,
  ) {}

  onModuleInit(): void {
    // An application context without HTTP (the CLI) has no routes to hook.
    if (!this.adapterHost.httpAdapter) return;
    const keyRoutes = this.apiKeyRoutes();
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook("onRequest", async (request, reply) => {
      if (keyRoutes.has(`${request.method} ${request.routeOptions.url}`)) {
        await this.gate.authenticate(request, reply);
      }
    });
    fastify.addHook("onResponse", async (request, reply) => {
      const key = (request as FastifyRequest & { apiKey?: ApiKeyCaller | null }).apiKey;
      if (key) this.usage.count(key.tenantId, key.keyId, reply.statusCode);
    });
  }

  /** "GET /public/v1/tickets/:id", … : every route whose @Access is of kind `api-key`. */
  private apiKeyRoutes(): Set<string> {
    const routes = new Set<string>();
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      const base = paths(Reflect.getMetadata(PATH_METADATA, wrapper.metatype));
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const own = Reflect.getMetadata(PATH_METADATA, handler);
        if (own === undefined) continue;
        const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [
          handler,
          wrapper.metatype,
        ]);
        if (access?.kind !== "api-key") continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const b of base) for (const p of paths(own)) routes.add(`${method} ${join(b, p)}`);
      }
    }
    return routes;
  }
}

const paths = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? "/"]).map(String);
const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split("/"))
    .filter(Boolean)
    .join("/")}`;
