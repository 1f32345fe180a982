import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import {
  type Database,
  openDatabase,
  runDueJobs,
  type ScheduledJob,
  startScheduler,
} from "@uslimato/server-data";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";

jest.setTimeout(120_000);

const quiet = () => {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the run-once scheduler", () => {
  let t: TestDatabase;
  /** A second "process": its own DataSource and pool on the same database. */
  let other: Database;
  beforeAll(async () => {
    t = await openTestDatabase();
    other = await openDatabase(t.config, { migrate: false });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  test("two processes racing for the same jobs: each job runs exactly once in its period", async () => {
    const runs = new Map<string, string[]>();
    const jobsOf = (who: string): ScheduledJob[] =>
      Array.from({ length: 20 }, (_, i) => ({
        name: `race-${i}`,
        everyMs: 3_600_000,
        async run() {
          runs.set(`race-${i}`, [...(runs.get(`race-${i}`) ?? []), who]);
          return { who };
        },
      }));
    // Both processes' ticks at the same moment, each through all 20 jobs.
    await Promise.all([
      runDueJobs(t.database.dataSource, jobsOf("a"), quiet),
      runDueJobs(other.dataSource, jobsOf("b"), quiet),
    ]);
    assert.equal(runs.size, 20, "every job ran");
    for (const [name, who] of runs) assert.equal(who.length, 1, `${name} ran ${who.join(", ")}`);

    // The winner's result is kept with the schedule, and the next run is a period away.
    const rows: { name: string; last_result: string; next_run_at: Date; last_run_at: Date }[] =
      await t.database.dataSource.query(
        "select name, last_result, next_run_at, last_run_at from schedules where name like 'race-%'",
      );
    assert.equal(rows.length, 20);
    for (const row of rows) {
      assert.deepEqual(JSON.parse(row.last_result), { who: runs.get(row.name)?.[0] });
      assert.ok(row.next_run_at.getTime() > Date.now() + 3_500_000, `${row.name} next run in an hour`);
      assert.ok(row.last_run_at instanceof Date);
    }

    // A later tick of either process within the period runs nothing.
    await runDueJobs(other.dataSource, jobsOf("c"), quiet);
    await runDueJobs(t.database.dataSource, jobsOf("c"), quiet);
    assert.ok([...runs.values()].every((who) => who.length === 1 && who[0] !== "c"));
  });

  test("ticking processes run a short job once per period, never twice in one", async () => {
    const starts: number[] = [];
    const job = (): ScheduledJob => ({
      name: "every-300ms",
      everyMs: 300,
      async run() {
        starts.push(Date.now());
      },
    });
    const a = startScheduler(t.database.dataSource, [job()], quiet, 20);
    const b = startScheduler(other.dataSource, [job()], quiet, 20);
    await sleep(1_600);
    await Promise.all([a.stop(), b.stop()]);
    assert.ok(starts.length >= 3 && starts.length <= 6, `ran ${starts.length} times in 1.6 s`);
    for (let i = 1; i < starts.length; i++) {
      const gap = (starts[i] as number) - (starts[i - 1] as number);
      // The claim sets next_run_at a period after it; a little slack for the clocks of two pools.
      assert.ok(gap >= 250, `runs ${i - 1} and ${i} were ${gap} ms apart`);
    }
  });

  test("a failing job is logged, keeps its claim (no retry within the period) and does not stop the others", async () => {
    const logged: string[] = [];
    let failures = 0;
    let after = 0;
    const jobs: ScheduledJob[] = [
      {
        name: "fails",
        everyMs: 3_600_000,
        async run() {
          failures++;
          throw new Error("boom");
        },
      },
      {
        name: "after-the-failure",
        everyMs: 3_600_000,
        async run() {
          after++;
          return 42;
        },
      },
    ];
    const s = startScheduler(t.database.dataSource, jobs, (msg) => logged.push(msg), 30);
    await sleep(300);
    await s.stop();
    assert.equal(failures, 1);
    assert.equal(after, 1);
    assert.deepEqual(logged, ["scheduled job fails failed"]);
    const [row] = await t.database.dataSource.query(
      "select last_result from schedules where name = 'after-the-failure'",
    );
    assert.equal(row.last_result, "42");
  });

  test("stop() waits for the tick under way and no job starts after it", async () => {
    let finished = false;
    let started = 0;
    const s = startScheduler(
      t.database.dataSource,
      [
        {
          name: "slow",
          everyMs: 3_600_000,
          async run() {
            started++;
            await sleep(200);
            finished = true;
          },
        },
        {
          name: "never-after-stop",
          everyMs: 3_600_000,
          async run() {
            started++;
          },
        },
      ],
      quiet,
      10,
    );
    await sleep(50);
    await s.stop();
    assert.equal(finished, true, "stop() returned only after the running job finished");
    assert.equal(started, 1, "the job after it did not start once stop() was called");
  });
});
