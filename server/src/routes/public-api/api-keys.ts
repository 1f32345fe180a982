import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app.ts";
import { userOf } from "../../http/access.ts";
import {
  createApiKey,
  keyOwnerCandidates,
  listApiKeys,
  revokeApiKey,
} from "../../modules/public-api/api-keys.ts";
import { tenantApiUsage, toCsv, unsafeAllApiUsage } from "../../modules/public-api/metering.ts";
import type { PublicApi } from "../../modules/public-api/runtime.ts";
import { API_SCOPES } from "../../modules/public-api/scopes.ts";
import { uuidParam } from "../schemas.ts";

const days = z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) });
const USAGE_COLUMNS = [
  "day",
  "key_id",
  "key_name",
  "requests",
  "status_2xx",
  "status_4xx",
  "status_5xx",
] as const;

/**
 * Settings → API keys (settings:manage): list with last use and usage, create (the secret is in this
 * response only), revoke; usage per key per day as JSON or CSV. And the operator's view of every
 * tenant's Public API usage. Usage counted by this process is flushed before it is read.
 */
export function apiKeyRoutes({ database }: AppDeps, runtime: PublicApi) {
  const db = database.db;
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const access = { kind: "user", permissions: ["settings:manage"] } as const;

    app.get("/api/api-keys", { config: { access } }, async (request) => {
      await runtime.meter.flush();
      return listApiKeys(db, userOf(request).tenantId);
    });
    app.get("/api/api-keys/owners", { config: { access } }, async (request) =>
      keyOwnerCandidates(db, userOf(request).tenantId),
    );
    app.post(
      "/api/api-keys",
      {
        config: { access },
        schema: {
          body: z.strictObject({
            name: z.string().trim().min(1, "is required").max(100),
            scopes: z.array(z.enum(API_SCOPES)).min(1, "pick at least one scope").max(API_SCOPES.length),
            owner_id: z.uuid().optional(),
            expires_at: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          }),
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const b = request.body;
        const { key, secret } = await createApiKey(db, user.tenantId, {
          name: b.name,
          scopes: b.scopes,
          ownerId: b.owner_id,
          expiresAt: b.expires_at ? new Date(b.expires_at) : undefined,
          createdBy: user.userId,
        });
        return reply.status(201).send({ ...key, secret });
      },
    );
    app.post(
      "/api/api-keys/:id/revoke",
      { config: { access }, schema: { params: z.object({ id: uuidParam }) } },
      async (request) => revokeApiKey(db, userOf(request).tenantId, request.params.id),
    );
    app.get("/api/api-keys/usage", { config: { access }, schema: { querystring: days } }, async (request) => {
      await runtime.meter.flush();
      return tenantApiUsage(db, userOf(request).tenantId, request.query.days);
    });
    app.get(
      "/api/api-keys/usage.csv",
      { config: { access }, schema: { querystring: days } },
      async (request, reply) => {
        await runtime.meter.flush();
        const rows = await tenantApiUsage(db, userOf(request).tenantId, request.query.days);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="api-usage.csv"')
          .send(toCsv(rows, [...USAGE_COLUMNS]));
      },
    );

    const operator = { kind: "operator" } as const;
    app.get(
      "/api/operator/api-usage",
      { config: { access: operator }, schema: { querystring: days } },
      async (request) => {
        await runtime.meter.flush();
        return unsafeAllApiUsage(db, request.query.days);
      },
    );
    app.get(
      "/api/operator/api-usage.csv",
      { config: { access: operator }, schema: { querystring: days } },
      async (request, reply) => {
        await runtime.meter.flush();
        const rows = await unsafeAllApiUsage(db, request.query.days);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="api-usage-all-tenants.csv"')
          .send(toCsv(rows, ["day", "tenant_slug", ...USAGE_COLUMNS.slice(1)]));
      },
    );
  };
}
