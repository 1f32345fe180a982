import type { DataSource } from "typeorm";
import { unscoped } from "./tenant-transaction.ts";

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Stop ticking and wait for a tick under way to finish. */
  stop(): Promise<void>;
}

/**
 * Runs each job at most once per period across every process sharing the database: a process runs a
 * job only when its UPDATE claims the row whose next_run_at has come. Schedules belong to no tenant,
 * so the statements run unscoped. Each statement commits on its own: the claim is visible to other
 * processes before the job starts, and a failing job does not undo it (no retry storm).
 */
export function startScheduler(
  dataSource: DataSource,
  jobs: ScheduledJob[],
  log: (msg: string, err?: unknown) => void,
  tickMs = 30_000,
): Scheduler {
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => runDueJobs(dataSource, jobs, log, () => stopped);
  const startTick = () => {
    running ??= tick().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(startTick, tickMs);
  startTick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * One tick: each job whose period has come runs here if this caller claims it (see startScheduler).
 * `stopped` is asked before each job, so a stopping process starts no further job.
 */
export async function runDueJobs(
  dataSource: DataSource,
  jobs: ScheduledJob[],
  log: (msg: string, err?: unknown) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  for (const job of jobs) {
    if (stopped()) return;
    try {
      if (!(await claim(dataSource, job))) continue;
      const result = await job.run();
      await unscoped(dataSource, (em) =>
        em.query("update schedules set last_result = $2 where name = $1", [
          job.name,
          JSON.stringify(result ?? null),
        ]),
      );
    } catch (err) {
      log(`scheduled job ${job.name} failed`, err);
    }
  }
}

/**
 * True when this caller won the job's current period. Two processes racing: the second UPDATE waits
 * for the first's row lock, then re-checks `next_run_at <= now()` on the updated row and matches nothing.
 */
async function claim(dataSource: DataSource, job: ScheduledJob): Promise<boolean> {
  await unscoped(dataSource, (em) =>
    em.query("insert into schedules (name, next_run_at) values ($1, now()) on conflict (name) do nothing", [
      job.name,
    ]),
  );
  // UPDATE … RETURNING through TypeORM's postgres driver answers [rows, affectedCount].
  const [rows] = await unscoped(
    dataSource,
    (em) =>
      em.query(
        `update schedules set next_run_at = $2, last_run_at = now()
         where name = $1 and next_run_at <= now() returning name`,
        [job.name, new Date(Date.now() + job.everyMs)],
      ) as Promise<[{ name: string }[], number]>,
  );
  return rows.length > 0;
}
