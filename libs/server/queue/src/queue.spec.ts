import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, jest, test } from "@jest/globals";
import { loadConfig } from "@uslimato/server-core";
import { openTestDatabase, TEST_DB, type TestDatabase } from "@uslimato/server-testing";
import type { Job } from "bullmq";
import { Redis } from "ioredis";
import {
  type AppQueue,
  type AppQueueEvents,
  type AppWorker,
  createQueue,
  createQueueEvents,
  createWorker,
  jobId,
  type QueueBackend,
  queueBackend,
  redisOptions,
  upsertScheduler,
} from "./queue.ts";

// The same job code on both BullMQ backends: PostgreSQL in the product database (TEST_DB: the embedded
// PGlite behind its wire server, or a PostgreSQL server) and the real Redis.
jest.setTimeout(60_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

interface Setup {
  backend: QueueBackend;
  /** Redis keeps every test's keys under its own prefix; the PostgreSQL backend has no prefix. */
  prefix: string;
  close(): Promise<void>;
}

const setups: [string, () => Promise<Setup>][] = [
  [
    `the ${TEST_DB} database`,
    async () => {
      const t: TestDatabase = await openTestDatabase();
      const backend = queueBackend(t.config, t.database);
      assert.equal(backend.kind, "postgres");
      return { backend, prefix: "bull", close: () => t.close() };
    },
  ],
  [
    "Redis",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-queue-"));
      const backend = queueBackend(loadConfig({ REDIS_URL, DATA_DIR: dir }));
      assert.equal(backend.kind, "redis");
      const prefix = `usltest-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
      return {
        backend,
        prefix,
        async close() {
          const redis = new Redis(redisOptions(REDIS_URL));
          try {
            const keys = await redis.keys(`${prefix}:*`);
            if (keys.length) await redis.del(...keys);
          } finally {
            redis.disconnect();
            fs.rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    },
  ],
];

test("a job id with ':' is refused before it reaches BullMQ", () => {
  expect(() => jobId("outbox", "a:b")).toThrow(/":"/);
  expect(jobId("outbox", 42)).toBe("outbox-42");
});

test("REDIS_URL becomes ioredis options; other schemes are refused", () => {
  expect(redisOptions("redis://app:p%40ss@cache.local:6380/2")).toEqual({
    host: "cache.local",
    port: 6380,
    username: "app",
    password: "p@ss",
    db: 2,
  });
  expect(redisOptions("rediss://cache.local")).toEqual({ host: "cache.local", port: 6379, db: 0, tls: {} });
  expect(() => redisOptions("http://cache.local")).toThrow(/redis:\/\//);
});

describe.each(setups)("BullMQ on %s", (_label, setUp) => {
  let setup: Setup | undefined;
  const open: (AppQueue | AppWorker | AppQueueEvents)[] = [];
  const queue = (name: string, s = setup as Setup) =>
    track(createQueue(name, s.backend, { prefix: s.prefix }));
  /** Errors the queues and workers report (BullMQ emits them as events; none is expected). */
  const errors: string[] = [];
  function track<T extends AppQueue | AppWorker | AppQueueEvents>(x: T): T {
    open.push(x);
    (x as AppQueue).on("error", (err: Error) => errors.push(`${x.constructor.name}: ${err.message}`));
    return x;
  }

  afterEach(async () => {
    // Workers first, so nothing is processing while queues and the database go away.
    for (const x of open.reverse()) await x.close();
    open.length = 0;
    await setup?.close();
    setup = undefined;
    expect(errors.splice(0)).toEqual([]);
  });
  /** Opens the backend for one test (closed after it). */
  const start = async () => {
    setup = await setUp();
    return setup;
  };

  test("two workers process each job exactly once; a duplicate jobId is ignored", async () => {
    const setup = await start();
    const q = queue("exactly-once");
    const n = 60;
    for (let i = 0; i < n; i++) await q.add("work", { i, v: "first" }, { jobId: jobId("job", i) });
    // The same ids again: BullMQ keeps the first job and drops these.
    for (let i = 0; i < 10; i++) await q.add("work", { i, v: "second" }, { jobId: jobId("job", i) });

    const processed: { id: string; v: string; worker: string }[] = [];
    let done!: () => void;
    const allDone = new Promise<void>((r) => (done = r));
    const processor = (worker: string) => async (job: Job<{ i: number; v: string }>) => {
      processed.push({ id: job.id as string, v: job.data.v, worker });
      await new Promise((r) => setTimeout(r, 2)); // long enough for the two workers to overlap
      if (processed.length === n) done();
    };
    const opts = { prefix: setup.prefix, concurrency: 4 };
    track(createWorker("exactly-once", processor("a"), setup.backend, opts));
    track(createWorker("exactly-once", processor("b"), setup.backend, opts));
    await allDone;
    // A duplicate of a completed job is ignored too (the completed job is kept).
    await q.add("work", { i: 0, v: "late" }, { jobId: jobId("job", 0) });

    await waitFor(async () => (await q.getJobCounts("completed")).completed === n);
    expect(await q.getJobCounts("waiting", "active", "delayed", "failed", "completed")).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 0,
      completed: n,
    });
    expect(processed.map((p) => p.id).sort()).toEqual(Array.from({ length: n }, (_, i) => `job-${i}`).sort());
    expect(processed.every((p) => p.v === "first")).toBe(true);
  });

  test("a job scheduler runs once per period across two workers", async () => {
    const setup = await start();
    const every = 1000;
    const runs: { millis: number; worker: string }[] = [];
    let done!: () => void;
    const enough = new Promise<void>((r) => (done = r));
    const processor = (worker: string) => async (job: Job) => {
      // Scheduler jobs are `repeat:<scheduler id>:<due time in ms>`.
      runs.push({ millis: Number(String(job.id).split(":").pop()), worker });
      if (runs.length === 4) done();
    };
    const opts = { prefix: setup.prefix };
    track(createWorker("scheduled", processor("a"), setup.backend, opts));
    track(createWorker("scheduled", processor("b"), setup.backend, opts));
    // Every process upserts the scheduler on start: twice here, still one scheduler.
    await upsertScheduler(queue("scheduled"), "quota-check", { every }, { name: "quota", data: {} });
    await upsertScheduler(queue("scheduled"), "quota-check", { every }, { name: "quota", data: {} });
    await enough;
    const millis = runs.map((r) => r.millis).sort((a, b) => a - b);
    console.log(
      `scheduler runs (${_label}):`,
      runs.map((r) => `${r.millis % 100_000}@${r.worker}`).join(" "),
    );
    expect(millis.every(Number.isFinite)).toBe(true);
    // No period ran twice: distinct due times, at least one period apart.
    for (let i = 1; i < millis.length; i++) {
      expect((millis[i] as number) - (millis[i - 1] as number)).toBeGreaterThanOrEqual(every);
    }
    expect(await queue("scheduled").getJobSchedulersCount()).toBe(1);
  });

  test("a job added while the worker waits wakes it by notification, not by polling", async () => {
    const setup = await start();
    const q = queue("wake-up");
    const events = track(createQueueEvents("wake-up", setup.backend, { prefix: setup.prefix }));
    await events.waitUntilReady();
    let picked!: (at: number) => void;
    const pickedUp = new Promise<number>((r) => (picked = r));
    let drained!: () => void;
    const isDrained = new Promise<void>((r) => (drained = r));
    // drainDelay: how long an idle worker waits before looking again. At 10 minutes, far beyond this
    // test's time, only the backend's wake-up (NOTIFY, or Redis's marker) can make it find the job.
    const worker = track(
      createWorker("wake-up", async () => picked(performance.now()), setup.backend, {
        prefix: setup.prefix,
        drainDelay: 600,
      }),
    );
    worker.once("drained", () => drained());
    await isDrained;
    await new Promise((r) => setTimeout(r, 300)); // let it settle into its wait

    const t0 = performance.now();
    const job = await q.add("ping", {}, { jobId: jobId("ping") });
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      pickedUp,
      new Promise<"not woken">((r) => (timer = setTimeout(() => r("not woken"), 20_000))),
    ]);
    clearTimeout(timer);
    expect(result).not.toBe("not woken");
    console.log(`pickup latency on ${_label}: ${((result as number) - t0).toFixed(1)} ms`);
    // QueueEvents hears of the completion too (on the database: its own LISTEN).
    await job.waitUntilFinished(events as never, 20_000);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
