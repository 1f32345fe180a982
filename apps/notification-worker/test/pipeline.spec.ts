import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { INestApplicationContext } from "@nestjs/common";
import type { Config } from "@uslimato/server-core";
import { TICKET_EVENTS_QUEUE } from "@uslimato/server-notifications";
import { type AppQueue, createQueue, queueBackend } from "@uslimato/server-queue";
import { CommentsService, TicketsService } from "@uslimato/server-tickets";
import { startWorker, type WorkerProcess } from "../src/worker.ts";
import {
  compose,
  makeWorld,
  openTestDatabase,
  SmtpSink,
  serviceContext,
  smtpTransport,
  type TestDatabase,
  type World,
  waitFor,
} from "./harness.ts";

jest.setTimeout(180_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * The whole pipeline in one process: ticket changes through the product's services → outbox rows in
 * the same transaction → relay → BullMQ (Redis, or BullMQ's PostgreSQL backend in the product database)
 * → worker → tenant transaction → delivery record → SMTP (a real smtp-server, parsed with mailparser).
 */
describe.each(["redis", "postgres"] as const)("notifications end to end (BullMQ on %s)", (backend) => {
  let t: TestDatabase;
  let context: INestApplicationContext;
  let sink: SmtpSink;
  let worker: WorkerProcess;
  let queue: AppQueue;
  let config: Config;
  const prefix = `bull-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await openTestDatabase();
    config = { ...t.config, redisUrl: backend === "redis" ? REDIS_URL : undefined, workerConcurrency: 4 };
    context = await serviceContext(t);
    sink = await new SmtpSink((address) => address.startsWith("bounce@")).start();
    worker = await startWorker(config, t.database, {
      compose: compose,
      transport: smtpTransport(sink.url),
      backoff: { baseMs: 100, maxMs: 500 },
      prefix,
    });
    queue = createQueue(TICKET_EVENTS_QUEUE, queueBackend(config, t.database), { prefix });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => {});
    await queue?.close();
    await worker?.stop();
    await context?.close();
    await sink?.stop();
    await t?.close();
  });

  /** Every outbox row of the tenant relayed and its job finished: nothing more will be sent. */
  async function settled(world: World) {
    await waitFor("the outbox to be relayed and the queue to drain", async () => {
      const [row] = await t.database.dataSource.query(
        "select count(*) filter (where relayed_at is null) as pending from outbox where tenant_id = $1",
        [world.tenantId],
      );
      if (Number(row.pending) > 0) return false;
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
      return Object.values(counts).every((n) => n === 0);
    });
  }

  const deliveries = (world: World) =>
    t.database.dataSource.query(
      "select recipient, event, status, reason from email_deliveries where tenant_id = $1 order by recipient, event",
      [world.tenantId],
    ) as Promise<{ recipient: string; event: string; status: string; reason: string | null }[]>;

  test("create, assign, comment, resolve, confirm: exactly the expected mails to exactly the expected people", async () => {
    const w = await makeWorld(context);
    const tickets = context.get(TicketsService);
    const comments = context.get(CommentsService);
    const [agent1, agent2] = w.agents as [World["reporter"], World["reporter"]];
    const reporter = w.actor(w.reporter);
    const ticket = await tickets.createTicket(reporter, null, {
      title: "Printer on fire",
      description: "Smoke",
      type: "incident",
    });
    // Agent 1 assigns it to agent 2 (picking it up: open → in_progress).
    await tickets.changeTicket(w.actor(agent1, true), ticket.id, { assigneeId: agent2.id });
    await comments.addComment(w.actor(agent2, true), ticket.id, {
      body: "internal only",
      visibility: "internal",
    });
    await comments.addComment(w.actor(agent2, true), ticket.id, {
      body: "On my way",
      visibility: "external",
    });
    await tickets.changeTicket(w.actor(agent2, true), ticket.id, { status: "resolved" });
    // The reporter confirms: their own action, nobody is told.
    await tickets.changeTicket(reporter, ticket.id, { status: "closed" });
    await settled(w);

    const expected = [
      [agent1.email, "ticket.created"],
      [agent2.email, "ticket.assigned"],
      [agent2.email, "ticket.created"],
      [w.reporter.email, "ticket.comment_added"],
      [w.reporter.email, "ticket.resolved"],
      [w.reporter.email, "ticket.status_changed"], // open → in_progress
      // in_progress → resolved: the reporter gets ticket.resolved (with its links), not a second mail.
    ].sort();
    const rows = await deliveries(w);
    assert.deepEqual(
      rows.map((r) => [r.recipient, r.event]),
      expected,
    );
    assert.ok(rows.every((r) => r.status === "sent"));
    // What the SMTP server received: the same, one message each, nobody else.
    const got = sink.received.filter((m) => m.to.endsWith(`@${w.slug}.test`));
    assert.deepEqual(got.map((m) => m.to).sort(), expected.map(([to]) => to).sort());
    assert.equal(new Set(got.map((m) => m.messageId)).size, got.length);
    assert.equal(sink.to(w.admin.email).length, 0, "the admin is no agent");
    // Both steps of the reporter's rejection path are covered by the desk tests; the outbox holds 9
    // events (created, assigned, status, 2 comments, status+resolved, status+closed).
    const [outbox] = await t.database.dataSource.query(
      "select count(*) as n from outbox where tenant_id = $1",
      [w.tenantId],
    );
    assert.equal(Number(outbox.n), 9);
  });

  test("email_notifications off: nothing queued, nothing sent", async () => {
    const w = await makeWorld(context, { flags: ["agent_portal", "end_user_portal"] });
    const tickets = context.get(TicketsService);
    const ticket = await tickets.createTicket(w.actor(w.reporter), null, {
      title: "Quiet",
      description: "",
      type: "incident",
    });
    await tickets.changeTicket(w.actor(w.agents[0] as World["reporter"], true), ticket.id, {
      assigneeId: (w.agents[1] as World["reporter"]).id,
    });
    await context.get(CommentsService).addComment(w.actor(w.reporter), ticket.id, {
      body: "hello",
      visibility: "external",
    });
    const [outbox] = await t.database.dataSource.query(
      "select count(*) as n from outbox where tenant_id = $1",
      [w.tenantId],
    );
    assert.equal(Number(outbox.n), 0);
    await settled(w);
    assert.equal(sink.received.filter((m) => m.to.endsWith(`@${w.slug}.test`)).length, 0);
  });

  test("a recipient the SMTP server refuses is recorded failed; the others are still sent", async () => {
    const w = await makeWorld(context, {
      agentEmails: [`bounce@${randomUUID().slice(0, 6)}.test`, "agent-ok@ok.test"],
    });
    const ticket = await context.get(TicketsService).createTicket(w.actor(w.reporter), null, {
      title: "One bounces",
      description: "",
      type: "incident",
    });
    await settled(w);
    const rows = await deliveries(w);
    const bounce = rows.find((r) => r.recipient.startsWith("bounce@"));
    assert.equal(bounce?.status, "failed");
    assert.match(bounce?.reason ?? "", /No such user/);
    assert.equal(rows.find((r) => r.recipient === "agent-ok@ok.test")?.status, "sent");
    assert.ok(sink.received.some((m) => m.to === "agent-ok@ok.test" && m.subject.includes(ticket.number)));
    const [usage] = await t.database.dataSource.query(
      "select emails_sent, emails_failed from monthly_usage where tenant_id = $1",
      [w.tenantId],
    );
    assert.deepEqual([usage.emails_sent, usage.emails_failed], [1, 1]);
  });
});
