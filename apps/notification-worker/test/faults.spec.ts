import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { INestApplicationContext } from "@nestjs/common";
import type { Config } from "@uslimato/server-core";
import { TicketsService } from "@uslimato/server-tickets";
import { startWorker, type WorkerProcess } from "../src/worker.ts";
import {
  compose,
  makeWorld,
  openTestDatabase,
  SmtpSink,
  serviceContext,
  sleep,
  smtpTransport,
  type TestDatabase,
  type World,
  waitFor,
} from "./harness.ts";

jest.setTimeout(240_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The mails and delivery rows of a tenant: every delivery sent, and each exactly once at the SMTP server. */
async function assertEachSentOnce(t: TestDatabase, sink: SmtpSink, w: World, expected: number) {
  const rows = (await t.database.dataSource.query(
    "select recipient, status from email_deliveries where tenant_id = $1",
    [w.tenantId],
  )) as { recipient: string; status: string }[];
  assert.equal(rows.length, expected, "one delivery per expected mail");
  assert.deepEqual(
    rows.filter((r) => r.status !== "sent"),
    [],
  );
  const got = sink.received.filter((m) => m.to.endsWith(`@${w.slug}.test`));
  const keys = got.map((m) => `${m.to} ${m.subject}`);
  assert.equal(got.length, expected, `received ${got.length} mails, expected ${expected}`);
  assert.equal(new Set(keys).size, expected, "no mail twice");
}

const sentCount = async (t: TestDatabase, w: World) => {
  const [row] = await t.database.dataSource.query(
    "select count(*) filter (where status = 'sent') as n from email_deliveries where tenant_id = $1",
    [w.tenantId],
  );
  return Number(row.n);
};

/** `n` tickets filed by the reporter: each mails both agents. */
async function fileTickets(context: INestApplicationContext, w: World, n: number, title = "Ticket") {
  const tickets = context.get(TicketsService);
  for (let i = 0; i < n; i++) {
    await tickets.createTicket(w.actor(w.reporter), null, {
      title: `${title} ${i}`,
      description: "",
      type: "incident",
    });
  }
}

describe("notification faults (BullMQ on Redis)", () => {
  let t: TestDatabase;
  let context: INestApplicationContext;
  let config: Config;

  beforeAll(async () => {
    t = await openTestDatabase();
    config = { ...t.config, redisUrl: REDIS_URL, workerConcurrency: 4 };
    context = await serviceContext(t);
  });
  afterAll(async () => {
    await context?.close();
    await t?.close();
  });

  const start = (sink: SmtpSink, prefix: string, url = REDIS_URL) =>
    startWorker({ ...config, redisUrl: url }, t.database, {
      compose: compose,
      transport: smtpTransport(sink.url),
      backoff: { baseMs: 100, maxMs: 400 },
      prefix,
    });

  test("quota reached: the rest is dropped with the reason, and one operator alert for the month", async () => {
    const sink = await new SmtpSink().start();
    const worker = await start(sink, `bull-q-${randomUUID().slice(0, 8)}`);
    try {
      const w = await makeWorld(context, { maxEmailsMonth: 3 });
      await fileTickets(context, w, 4); // 8 mails
      await waitFor("every delivery recorded", async () => {
        const [row] = await t.database.dataSource.query(
          "select count(*) filter (where status in ('sent', 'dropped')) as n from email_deliveries where tenant_id = $1",
          [w.tenantId],
        );
        return Number(row.n) === 8;
      });
      const rows = (await t.database.dataSource.query(
        "select status, reason from email_deliveries where tenant_id = $1",
        [w.tenantId],
      )) as { status: string; reason: string | null }[];
      assert.equal(rows.filter((r) => r.status === "sent").length, 3);
      const dropped = rows.filter((r) => r.status === "dropped");
      assert.equal(dropped.length, 5);
      assert.ok(dropped.every((r) => /quota reached \(3 a month\)/.test(r.reason ?? "")));
      assert.equal(sink.received.filter((m) => m.to.endsWith(`@${w.slug}.test`)).length, 3);
      const alerts = await t.database.dataSource.query(
        "select kind, period from operator_alerts where tenant_id = $1",
        [w.tenantId],
      );
      assert.deepEqual(alerts, [
        { kind: "max_emails_month_reached", period: new Date().toISOString().slice(0, 7) },
      ]);
      const [usage] = await t.database.dataSource.query(
        "select emails_sent, emails_dropped from monthly_usage where tenant_id = $1",
        [w.tenantId],
      );
      assert.deepEqual([usage.emails_sent, usage.emails_dropped], [3, 5]);
    } finally {
      await worker.stop();
      await sink.stop();
    }
  });

  test("SMTP down for a while: every mail arrives after it comes back, none twice", async () => {
    const sink = await new SmtpSink().start();
    await sink.stop(); // the port is known; nothing listens on it
    const worker = await start(sink, `bull-s-${randomUUID().slice(0, 8)}`);
    try {
      const w = await makeWorld(context);
      await fileTickets(context, w, 5); // 10 mails
      await waitFor("a failed attempt", async () => {
        const [row] = await t.database.dataSource.query(
          "select count(*) as n from email_deliveries where tenant_id = $1 and reason is not null",
          [w.tenantId],
        );
        return Number(row.n) > 0;
      });
      assert.equal(await sentCount(t, w), 0);
      await sink.start();
      await waitFor("every mail sent", async () => (await sentCount(t, w)) === 10);
      await sleep(500); // a duplicate would arrive now
      await assertEachSentOnce(t, sink, w, 10);
      const [usage] = await t.database.dataSource.query(
        "select emails_sent from monthly_usage where tenant_id = $1",
        [w.tenantId],
      );
      assert.equal(usage.emails_sent, 10, "failed attempts gave their quota back");
    } finally {
      await worker.stop();
      await sink.stop();
    }
  });

  test("two workers (each with its relay): each mail once", async () => {
    const sink = await new SmtpSink().start();
    const prefix = `bull-2-${randomUUID().slice(0, 8)}`;
    const workers = await Promise.all([start(sink, prefix), start(sink, prefix)]);
    try {
      const w = await makeWorld(context);
      await fileTickets(context, w, 15); // 30 mails
      await waitFor("every mail sent", async () => (await sentCount(t, w)) === 30);
      await sleep(500);
      await assertEachSentOnce(t, sink, w, 30);
    } finally {
      await Promise.all(workers.map((x) => x.stop()));
      await sink.stop();
    }
  });

  test("Redis restarted (killed, AOF on): no mail lost, none twice", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-redis-"));
    const port = 6390 + Math.floor(Math.random() * 50);
    const startRedis = async () => {
      const redis = spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--save",
          "",
          "--appendonly",
          "yes",
          "--appendfsync",
          "always",
          "--dir",
          dir,
        ],
        { stdio: "ignore" },
      );
      await waitFor("redis to listen", async () => {
        const ping = spawn("redis-cli", ["-p", String(port), "ping"]);
        let out = "";
        ping.stdout?.on("data", (d) => (out += d));
        await new Promise((r) => ping.on("close", r));
        return out.includes("PONG");
      });
      return redis;
    };
    let redis: ChildProcess = await startRedis();
    const sink = await new SmtpSink().start();
    let worker: WorkerProcess | null = null;
    try {
      worker = await start(sink, "bull-r", `redis://127.0.0.1:${port}`);
      const w = await makeWorld(context);
      await fileTickets(context, w, 5, "Before");
      redis.kill("SIGKILL");
      await new Promise((r) => redis.once("exit", r));
      // Changes while Redis is away: their outbox rows wait for it.
      await fileTickets(context, w, 5, "During");
      await sleep(1000);
      redis = await startRedis();
      await fileTickets(context, w, 5, "After");
      await waitFor("every mail sent", async () => (await sentCount(t, w)) === 30, 120_000);
      await sleep(500);
      await assertEachSentOnce(t, sink, w, 30);
    } finally {
      await worker?.stop().catch(() => {});
      redis.kill("SIGKILL");
      await sink.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
