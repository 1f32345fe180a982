import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { userOf } from "../http/access.ts";
import {
  deleteSession,
  resolveSession,
  SESSION_COOKIE,
  SESSION_DAYS,
  type UserContext,
} from "../modules/access/sessions.ts";
import { signIn } from "../modules/access/sign-in.ts";
import { featureMap } from "../modules/licensing/features.ts";
import { email, password } from "./schemas.ts";

export function sessionView(user: UserContext) {
  return {
    user: { id: user.userId, name: user.name, email: user.email },
    tenant: { id: user.tenantId, slug: user.tenantSlug, name: user.tenantName },
    permissions: [...user.permissions].sort(),
    features: featureMap(user.license),
    itsmLicensed: !!user.license?.active,
    csrfToken: user.csrfToken,
  };
}

export function authRoutes({ config, database }: AppDeps) {
  const setCookie = (reply: FastifyReply, value: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      maxAge,
    });

  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.post(
      "/api/auth/sign-in",
      {
        config: { access: { kind: "public" } },
        schema: { body: z.strictObject({ email, password, tenant: z.string().max(40).optional() }) },
      },
      async (request, reply) => {
        const { cookie } = await signIn(database.db, request.body, request.ip);
        setCookie(reply, cookie, SESSION_DAYS * 86_400);
        const user = await resolveSession(database, cookie);
        if (!user) throw new Error("session vanished right after sign-in");
        return sessionView(user);
      },
    );
    app.post("/api/auth/sign-out", { config: { access: { kind: "signed-in" } } }, async (request, reply) => {
      await deleteSession(database.db, userOf(request));
      setCookie(reply, "", 0);
      return reply.status(204).send();
    });
    app.get("/api/session", { config: { access: { kind: "signed-in" } } }, async (request) =>
      sessionView(userOf(request)),
    );
  };
}
