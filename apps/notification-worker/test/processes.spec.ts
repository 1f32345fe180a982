import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { INestApplicationContext } from "@nestjs/common";
import { freePort, ROOT } from "@uslimato/server-testing";
import { TicketsService } from "@uslimato/server-tickets";
import {
  makeWorld,
  openTestDatabase,
  SmtpSink,
  serviceContext,
  sleep,
  type TestDatabase,
  waitFor,
} from "./harness.ts";

jest.setTimeout(240_000);

const WORKER_ENTRY = path.join(ROOT, "dist/server/apps/notification-worker/src/main.js");

/** A Redis of this test's own (never the machine's 6379): AOF on, every write synced. */
async function startRedis(dir: string, port: number): Promise<ChildProcess> {
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir],
    { stdio: "ignore" },
  );
  await waitFor("redis", async () => {
    const ping = spawn("redis-cli", ["-p", String(port), "ping"]);
    let out = "";
    ping.stdout?.on("data", (d) => (out += d));
    await new Promise((r) => ping.on("close", r));
    return out.includes("PONG");
  });
  return redis;
}

/**
 * The built worker as a process (dist/server: `npm run build:server` first), killed with SIGKILL in the
 * middle of a batch, then replaced: no mail lost, and none twice except one whose SMTP answer came in the
 * instant the process died (its delivery was left `sending`: sent again, at least once).
 */
describe("the notification-worker process", () => {
  let t: TestDatabase;
  let context: INestApplicationContext;
  let redis: ChildProcess;
  let redisPort: number;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-wredis-"));

  beforeAll(async () => {
    assert.ok(fs.existsSync(WORKER_ENTRY), `build the server first: ${WORKER_ENTRY} is missing`);
    t = await openTestDatabase();
    context = await serviceContext(t);
    redisPort = await freePort();
    redis = await startRedis(dir, redisPort);
  });
  afterAll(async () => {
    redis?.kill("SIGKILL");
    await context?.close();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function worker(sink: SmtpSink, healthPort?: number) {
    return spawn(process.execPath, [WORKER_ENTRY], {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        ...t.env,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        SMTP_URL: sink.url,
        WORKER_CONCURRENCY: "8",
        LOG_LEVEL: "silent",
        ...(healthPort ? { WORKER_HEALTH_PORT: String(healthPort) } : {}),
      },
    });
  }

  const sent = async (tenantId: string) => {
    const [row] = await t.database.dataSource.query(
      "select count(*) filter (where status = 'sent') as n from email_deliveries where tenant_id = $1",
      [tenantId],
    );
    return Number(row.n);
  };

  test("health probe, kill -9 mid-batch, a new worker: no loss, no duplicate beyond the mail in flight", async () => {
    const sink = await new SmtpSink().start();
    const healthPort = await freePort();
    const first = worker(sink, healthPort);
    try {
      await waitFor("the probe to answer ready", async () => {
        const res = await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => null);
        return res?.status === 200;
      });
      assert.equal((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status, 200);
      const w = await makeWorld(context);
      const tickets = context.get(TicketsService);
      for (let i = 0; i < 40; i++) {
        await tickets.createTicket(w.actor(w.reporter), null, {
          title: `Batch ${i}`,
          description: "",
          type: "incident",
        });
      }
      // 80 mails; the first process dies with some of them done.
      await waitFor("some mails sent", async () => (await sent(w.tenantId)) >= 10);
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      const before = await sent(w.tenantId);
      assert.ok(before < 80, "killed mid-batch");
      const second = worker(sink);
      try {
        // Jobs the dead worker held come back when BullMQ sees them stalled (lock expired, ≤ ~30 s).
        await waitFor("every mail sent", async () => (await sent(w.tenantId)) === 80, 180_000);
        await sleep(500);
      } finally {
        second.kill("SIGTERM");
        await new Promise((r) => second.once("exit", r));
      }
      const got = sink.received.filter((m) => m.to.endsWith(`@${w.slug}.test`));
      const byMail = new Map<string, number>();
      for (const m of got) byMail.set(`${m.to} ${m.subject}`, (byMail.get(`${m.to} ${m.subject}`) ?? 0) + 1);
      assert.equal(byMail.size, 80, "every mail arrived");
      const twice = [...byMail.values()].filter((n) => n > 1).length;
      const [inFlight] = await t.database.dataSource.query(
        "select count(*) as n from email_deliveries where tenant_id = $1 and attempts > 1",
        [w.tenantId],
      );
      assert.ok(
        twice <= Number(inFlight.n),
        `${twice} mails twice, only ${inFlight.n} were in flight at the kill`,
      );
      assert.ok([...byMail.values()].every((n) => n <= 2));
      // A mail sent again (its first send's 250 came, the record did not) is the same message.
      const ids = new Map<string, Set<string>>();
      for (const m of got)
        ids.set(`${m.to} ${m.subject}`, (ids.get(`${m.to} ${m.subject}`) ?? new Set()).add(m.messageId));
      assert.ok(
        [...ids.values()].every((set) => set.size === 1),
        "one Message-ID per mail, re-sends included",
      );
    } finally {
      if (first.exitCode === null) first.kill("SIGKILL");
      await sink.stop();
    }
  });

  test("SIGTERM: the worker finishes its jobs in flight and exits 0", async () => {
    const sink = await new SmtpSink().start();
    const proc = worker(sink);
    let out = "";
    proc.stdout?.on("data", (d) => (out += d));
    const w = await makeWorld(context);
    const tickets = context.get(TicketsService);
    for (let i = 0; i < 10; i++) {
      await tickets.createTicket(w.actor(w.reporter), null, {
        title: `Stop ${i}`,
        description: "",
        type: "incident",
      });
    }
    await waitFor("a mail sent", async () => (await sent(w.tenantId)) >= 1);
    proc.kill("SIGTERM");
    const code = await new Promise((r) => proc.once("exit", (c) => r(c)));
    assert.equal(code, 0, out);
    // Nothing left half-done: every delivery the process had claimed was settled before it exited.
    const [sending] = await t.database.dataSource.query(
      "select count(*) as n from email_deliveries where tenant_id = $1 and status = 'sending'",
      [w.tenantId],
    );
    assert.equal(Number(sending.n), 0);
    await sink.stop();
  });
});
