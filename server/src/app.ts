import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { registerAccessGuard } from "./http/access.ts";
import { registerErrorHandler } from "./http/error-handler.ts";
import { AppError, problemFor } from "./http/errors.ts";
import { createPublicApi } from "./modules/public-api/runtime.ts";
import { authRoutes } from "./routes/auth.ts";
import { deskRoutes } from "./routes/desk.ts";
import { groupRoutes } from "./routes/groups.ts";
import { healthRoutes } from "./routes/health.ts";
import { itsmSettingsRoutes } from "./routes/itsm-settings.ts";
import { operatorRoutes } from "./routes/operator.ts";
import { apiKeyRoutes } from "./routes/public-api/api-keys.ts";
import { publicApiRoutes } from "./routes/public-api/index.ts";
import { ticketRoutes } from "./routes/tickets.ts";
import { userRoutes } from "./routes/users.ts";

export interface AppDeps {
  config: Config;
  database: Database;
}

const WEB_DIST = path.resolve(import.meta.dirname, "../../dist/web");

/**
 * The HTTP application: external plugins → error model → access guard → routes → the web app.
 * Every route file maps HTTP to a service call and declares its access rule.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  registerErrorHandler(app);
  const publicApi = createPublicApi(deps.database, deps.config.redisUrl, (msg, err) =>
    app.log.warn({ err }, msg),
  );
  app.addHook("onClose", () => publicApi.close());
  registerAccessGuard(app, deps.database, publicApi.gate);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(groupRoutes(deps));
  await app.register(operatorRoutes(deps));
  await app.register(ticketRoutes(deps));
  await app.register(itsmSettingsRoutes(deps));
  await app.register(deskRoutes(deps));
  await app.register(apiKeyRoutes(deps, publicApi));
  await app.register(publicApiRoutes(deps, publicApi));

  const hasWeb = fs.existsSync(path.join(WEB_DIST, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    if (url.startsWith("/api/") || url.startsWith("/public/") || request.method !== "GET" || !hasWeb) {
      const problem = problemFor(
        new AppError("not_found", `There is no ${request.method} ${url.split("?")[0]}.`),
      );
      return reply.status(404).type("application/problem+json").send(problem);
    }
    // Every other GET is a page of the single-page app, which shows its own "Not found" for unknown ones.
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
