import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { INestApplicationContext } from "@nestjs/common";
import type { Config } from "@uslimato/server-core";
import { NotificationWorker, SCHEDULED_QUEUE, type ScheduledTask } from "@uslimato/server-notifications";
import { createQueue, queueBackend } from "@uslimato/server-queue";
import { TicketsService } from "@uslimato/server-tickets";
import { scheduledTasks, startWorker } from "../src/worker.ts";
import {
  compose,
  makeWorld,
  openTestDatabase,
  SmtpSink,
  serviceContext,
  sleep,
  smtpTransport,
  type TestDatabase,
  waitFor,
} from "./harness.ts";

jest.setTimeout(180_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * The periodic jobs as BullMQ job schedulers (they replace the home-made run-once scheduler of the
 * api): run once per period across any number of workers, by the worker's scheduled-jobs queue.
 */
describe("scheduled jobs (BullMQ job schedulers)", () => {
  let t: TestDatabase;
  let context: INestApplicationContext;
  let config: Config;
  let sink: SmtpSink;

  beforeAll(async () => {
    t = await openTestDatabase();
    config = { ...t.config, redisUrl: REDIS_URL, workerConcurrency: 2 };
    context = await serviceContext(t);
    sink = await new SmtpSink().start();
  });
  afterAll(async () => {
    await sink?.stop();
    await context?.close();
    await t?.close();
  });

  /** A worker running only the given tasks (no relay), on its own BullMQ prefix. */
  function worker(prefix: string, scheduled: ScheduledTask[], log?: (msg: string) => void) {
    return new NotificationWorker({
      dataSource: t.database.dataSource,
      backend: queueBackend(config, t.database),
      compose,
      transport: smtpTransport(sink.url),
      publicUrl: config.publicUrl,
      concurrency: 1,
      scheduled,
      relay: false,
      prefix,
      ...(log ? { log } : {}),
    });
  }

  test("two workers with the same schedulers: each period runs once, on one of them", async () => {
    const prefix = `bull-sch-${randomUUID().slice(0, 8)}`;
    const runs: { who: string; iteration: string }[] = [];
    const task = (who: string): ScheduledTask => ({
      id: "every-200ms",
      everyMs: 200,
      run: async (iteration) => {
        runs.push({ who, iteration });
      },
    });
    const a = worker(prefix, [task("a")]);
    const b = worker(prefix, [task("b")]);
    await Promise.all([a.start(), b.start()]);
    try {
      await waitFor("six periods", () => runs.length >= 6);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const iterations = runs.map((r) => r.iteration);
    assert.equal(new Set(iterations).size, iterations.length, `a period ran twice: ${iterations.join(", ")}`);
    // One scheduler, though both processes upserted it.
    const queue = createQueue(SCHEDULED_QUEUE, queueBackend(config, t.database), { prefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      assert.deepEqual(
        schedulers.map((s) => s.key),
        ["every-200ms"],
      );
    } finally {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
    }
  });

  test("a failing job is logged and does not stop the others", async () => {
    const logged: string[] = [];
    let after = 0;
    const w = worker(
      `bull-sch-${randomUUID().slice(0, 8)}`,
      [
        {
          id: "fails",
          everyMs: 150,
          run: async () => {
            throw new Error("boom");
          },
        },
        {
          id: "after-the-failure",
          everyMs: 150,
          run: async () => {
            after++;
          },
        },
      ],
      (msg) => logged.push(msg),
    );
    await w.start();
    try {
      await waitFor("both jobs to have run", () => after >= 2 && logged.length >= 1);
    } finally {
      await w.stop();
    }
    assert.ok(logged.every((msg) => msg === "scheduled job fails failed"));
  });

  test("stop() waits for the job under way, and nothing runs after it", async () => {
    let started = 0;
    let finished = 0;
    const w = worker(`bull-sch-${randomUUID().slice(0, 8)}`, [
      {
        id: "slow",
        everyMs: 100,
        run: async () => {
          started++;
          await sleep(300);
          finished++;
        },
      },
    ]);
    await w.start();
    await waitFor("the job to start", () => started === 1);
    await w.stop();
    assert.equal(finished, started, "stop() returned only after the running job finished");
    const afterStop = started;
    await sleep(400);
    assert.equal(started, afterStop, "no job started once stopped");
  });

  test("the worker's own schedules: auto-close of stale resolved tickets (its mails included) and the quota check", async () => {
    const w = await makeWorld(context, { maxEmailsMonth: 1 });
    const tickets = context.get(TicketsService);
    const ticket = await tickets.createTicket(w.actor(w.reporter), null, {
      title: "Old",
      description: "",
      type: "incident",
    });
    const agent = w.agents[0] as { id: string };
    await tickets.changeTicket(w.actor(agent, true), ticket.id, { assigneeId: agent.id });
    await tickets.changeTicket(w.actor(agent, true), ticket.id, { status: "resolved" });
    await t.database.dataSource.query(
      "update tickets set resolved_at = now() - interval '8 days' where id = $1",
      [ticket.id],
    );
    // The month's usage above the (lowered) quota: the check raises the alert.
    await t.database.dataSource.query(
      "insert into monthly_usage (tenant_id, month, emails_sent) values ($1, $2, 5) on conflict (tenant_id, month) do update set emails_sent = 5",
      [w.tenantId, new Date().toISOString().slice(0, 7)],
    );
    const running = await startWorker({ ...config }, t.database, {
      compose,
      transport: smtpTransport(sink.url),
      everyMs: 200,
      prefix: `bull-sch-${randomUUID().slice(0, 8)}`,
    });
    try {
      assert.deepEqual(
        scheduledTasks(context, t.database).map((s) => [s.id, s.everyMs]),
        [
          ["quota-check", 3600_000],
          ["auto-close-resolved", 3600_000],
          ["outbox-purge", 3600_000],
        ],
      );
      await waitFor("the ticket to be closed", async () => {
        const [row] = await t.database.dataSource.query("select status from tickets where id = $1", [
          ticket.id,
        ]);
        return row.status === "closed";
      });
      const events = await t.database.dataSource.query(
        "select event, payload->>'actorId' as actor from outbox where tenant_id = $1 and payload->>'ticketId' = $2 and event = 'ticket.closed'",
        [w.tenantId, ticket.id],
      );
      assert.deepEqual(events, [{ event: "ticket.closed", actor: "00000000-0000-0000-0000-000000000000" }]);
      await waitFor("the quota alert", async () => {
        const alerts = await t.database.dataSource.query(
          "select kind from operator_alerts where tenant_id = $1 and kind = 'max_emails_month_reached'",
          [w.tenantId],
        );
        return alerts.length === 1;
      });
    } finally {
      await running.stop();
    }
  });
});
