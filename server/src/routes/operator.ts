import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { operatorOf } from "../http/access.ts";
import { FEATURE_FLAGS } from "../modules/licensing/features.ts";
import { setLicense } from "../modules/licensing/licenses.ts";
import { runQuotaCheck } from "../modules/licensing/quota-check.ts";
import { listAlerts, listTenants } from "../modules/operator/console.ts";
import {
  OPERATOR_COOKIE,
  operatorSignIn,
  operatorSignOut,
  resolveOperator,
} from "../modules/operator/operators.ts";
import { createTenant, unsafeTenantBySlug } from "../modules/tenants/tenants.ts";
import { email, password, personName } from "./schemas.ts";

const quota = z.number().int().min(0).max(10_000_000);

export function operatorRoutes({ config, database }: AppDeps) {
  const db = database.db;
  const setCookie = (reply: FastifyReply, value: string, maxAge: number) =>
    reply.setCookie(OPERATOR_COOKIE, value, {
      path: "/api/operator",
      httpOnly: true,
      sameSite: "strict",
      secure: config.secureCookies,
      maxAge,
    });

  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const access = { kind: "operator" } as const;
    app.post(
      "/api/operator/sign-in",
      { config: { access: { kind: "public" } }, schema: { body: z.strictObject({ email, password }) } },
      async (request, reply) => {
        const { cookie, csrfToken } = await operatorSignIn(
          db,
          request.body.email,
          request.body.password,
          request.ip,
        );
        setCookie(reply, cookie, 12 * 3600);
        const op = await resolveOperator(db, cookie);
        return { operator: { id: op?.operatorId, email: op?.email }, csrfToken };
      },
    );
    app.post("/api/operator/sign-out", { config: { access } }, async (request, reply) => {
      await operatorSignOut(db, operatorOf(request));
      setCookie(reply, "", 0);
      return reply.status(204).send();
    });
    app.get("/api/operator/session", { config: { access } }, async (request) => {
      const op = operatorOf(request);
      return { operator: { id: op.operatorId, email: op.email }, csrfToken: op.csrfToken };
    });
    app.get("/api/operator/tenants", { config: { access } }, async () => listTenants(db));
    app.post(
      "/api/operator/tenants",
      {
        config: { access },
        schema: {
          body: z.strictObject({
            slug: z.string().max(40),
            name: personName,
            adminEmail: email,
            adminName: personName.optional(),
            adminPassword: password,
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await createTenant(db, request.body)),
    );
    app.put(
      "/api/operator/tenants/:slug/license",
      {
        config: { access },
        schema: {
          params: z.object({ slug: z.string().max(40) }),
          body: z.strictObject({
            active: z.boolean(),
            flags: z.array(z.enum(FEATURE_FLAGS)).optional(),
            maxAgents: quota.optional(),
            maxEmailsMonth: quota.optional(),
            apiRateLimit: z.number().int().min(1).max(1_000_000).optional(),
          }),
        },
      },
      async (request) => {
        const tenant = await unsafeTenantBySlug(db, request.params.slug);
        return setLicense(db, tenant.id, request.body);
      },
    );
    app.get("/api/operator/alerts", { config: { access } }, async () => listAlerts(db));
    app.post("/api/operator/checks/quotas", { config: { access } }, async () => runQuotaCheck(db));
  };
}
