import { Controller, Get, Res } from "@nestjs/common";
import { Access } from "@uslimato/server-core";
import { type Database, InjectDatabase, pendingMigrations } from "@uslimato/server-data";
import type { FastifyReply } from "fastify";

/** Liveness and readiness for load balancers and containers. */
@Controller()
@Access({ kind: "public" })
export class HealthController {
  constructor(@InjectDatabase() private readonly database: Database) {}

  @Get("healthz")
  health() {
    return { status: "ok" };
  }

  /** Ready: the database answers and no migration is pending. */
  @Get("readyz")
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { mode } = this.database;
    try {
      const pending = await pendingMigrations(this.database.dataSource);
      if (pending.length) {
        reply.status(503);
        return { status: "migrating", database: mode, pending };
      }
      return { status: "ready", database: mode };
    } catch (err) {
      reply.status(503);
      return { status: "database unreachable", database: mode, detail: (err as Error).message };
    }
  }
}
