import swagger, { type SwaggerTransformObject } from "@fastify/swagger";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySerializerCompiler } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
} from "fastify-type-provider-zod";
import type { z } from "zod";
import type { AppDeps } from "../../app.ts";
import { CursorSigner, unsafeCursorSecret } from "../../modules/public-api/cursor.ts";
import type { PublicApi } from "../../modules/public-api/runtime.ts";
import { API_SCOPES } from "../../modules/public-api/scopes.ts";
import { type OpenApiDocumentLike, referencePage } from "./reference-page.ts";
import { RESOURCES } from "./resources.ts";

export const PUBLIC_PREFIX = "/public/v1";

/** 2xx bodies go through their zod schema (the contract); problems are plain JSON from the error handler. */
const publicSerializer: FastifySerializerCompiler<z.ZodType> = (route) =>
  String(route.httpStatus).startsWith("2")
    ? serializerCompiler(route as Parameters<typeof serializerCompiler>[0])
    : (data) => JSON.stringify(data);

/** The plugin's components, minus those no operation uses (it emits an "…Input" twin of each). */
const transformObject: SwaggerTransformObject = (documentObject) => {
  const doc = createJsonSchemaTransformObject({})(documentObject) as {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = doc.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown) => {
    JSON.stringify(value, (key, v) => {
      const name = key === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", "") : null;
      if (name && !used.has(name)) {
        used.add(name);
        visit(schemas[name]);
      }
      return v;
    });
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  if (doc.components)
    doc.components.schemas = Object.fromEntries(Object.entries(schemas).filter(([n]) => used.has(n)));
  return doc as ReturnType<SwaggerTransformObject>;
};

/**
 * /public/v1: the registered resources, the OpenAPI 3.1 document generated from their zod schemas
 * (`openapi.json`) and a reference page rendered from that document (`docs`). Every response of a
 * key-protected route carries RateLimit headers (set by the guard) and is metered here per key.
 */
export function publicApiRoutes({ config, database }: AppDeps, runtime: PublicApi) {
  return async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "Uslimato Public API",
          version: "1.0.0",
          description: [
            "Authenticate with `Authorization: Bearer <api key>` (Settings → API keys, or `npx uslimato apikey create`).",
            `A key acts as its owner and can do what the owner may do, limited by its scopes (${API_SCOPES.join(", ")}).`,
            "Errors are `application/problem+json` (RFC 9457). Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; a 429 also `Retry-After`.",
            "Lists are cursor-paginated: `{ data, next_cursor }`; pass `next_cursor` as `cursor` with the same filters.",
          ].join("\n\n"),
        },
        servers: [{ url: config.publicUrl }],
        tags: RESOURCES.map((r) => r.tag),
        components: {
          securitySchemes: {
            apiKey: { type: "http", scheme: "bearer", description: "usk_<tenant id>_<secret>" },
          },
        },
      },
      transform: createJsonSchemaTransform({ skipList: [] }),
      transformObject,
    });
    app.setSerializerCompiler(publicSerializer);
    app.addHook("onResponse", async (request, reply) => {
      const key = request.apiKey;
      if (key) runtime.meter.count(key.tenantId, key.keyId, reply.statusCode);
    });
    await runtime.limiter.ready();

    const ctx = { db: database.db, cursors: new CursorSigner(await unsafeCursorSecret(database.db)) };
    for (const resource of RESOURCES) await app.register(resource.routes(ctx), { prefix: PUBLIC_PREFIX });

    const open = {
      config: { access: { kind: "public" } },
      schema: { hide: true },
      onRequest: (request: FastifyRequest, reply: FastifyReply) =>
        runtime.gate.limitByAddress(request, reply),
    } as const;
    app.get(`${PUBLIC_PREFIX}/openapi.json`, open, async () => app.swagger());
    let page: string | null = null; // the document never changes while the server runs
    app.get(`${PUBLIC_PREFIX}/docs`, open, async (_request, reply) => {
      page ??= referencePage(app.swagger() as OpenApiDocumentLike);
      return reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .send(page);
    });
  };
}
