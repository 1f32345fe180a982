import { sql } from "kysely";
import type { Db } from "./db/database.ts";

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs each job at most once per period across every process sharing the database: a process runs a
 * job only when its UPDATE claims the row whose next_run_at has come.
 */
export function startScheduler(
  db: Db,
  jobs: ScheduledJob[],
  log: (msg: string, err?: unknown) => void,
  tickMs = 30_000,
) {
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        await db
          .insertInto("schedules")
          .values({ name: job.name, next_run_at: new Date() })
          .onConflict((oc) => oc.column("name").doNothing())
          .execute();
        const claimed = await db
          .updateTable("schedules")
          .set({ next_run_at: new Date(Date.now() + job.everyMs), last_run_at: sql`now()` })
          .where("name", "=", job.name)
          .where("next_run_at", "<=", sql<Date>`now()`)
          .returning("name")
          .executeTakeFirst();
        if (!claimed) continue;
        const result = await job.run();
        await db
          .updateTable("schedules")
          .set({ last_result: JSON.stringify(result ?? null) })
          .where("name", "=", job.name)
          .execute();
      } catch (err) {
        log(`scheduled job ${job.name} failed`, err);
      }
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, tickMs);
  running = tick().finally(() => {
    running = null;
  });
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
