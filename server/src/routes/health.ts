import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app.ts";
import { pendingMigrations } from "../db/migrate.ts";

export function healthRoutes({ database }: AppDeps) {
  return async (app: FastifyInstance) => {
    app.get("/healthz", { config: { access: { kind: "public" } } }, async () => ({ status: "ok" }));
    app.get("/readyz", { config: { access: { kind: "public" } } }, async (_request, reply) => {
      try {
        const pending = await pendingMigrations(database.pool);
        if (pending.length)
          return reply.status(503).send({ status: "migrating", database: database.mode, pending });
        return { status: "ready", database: database.mode };
      } catch (err) {
        return reply
          .status(503)
          .send({ status: "database unreachable", database: database.mode, detail: (err as Error).message });
      }
    });
  };
}
