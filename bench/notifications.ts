/**
 * Notification benchmark: BENCH_MAILS (10,000) mails through the whole pipeline — ticket creation writes
 * its ticket.created outbox row in the same statement, the relay moves it to BullMQ, the worker renders
 * it (@uslimato/server-emails) and sends it through nodemailer to a local smtp-server sink — beside
 * nodemailer sending the same rendered messages directly in a loop, in the same run. Prints and writes
 * bench/results/notifications-<time>.json.
 *
 *   npm run bench:mail   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                         BENCH_REDIS_URL, default redis://127.0.0.1:6379 — BENCH_QUEUE=postgres for
 *                         BullMQ's PostgreSQL backend; BENCH_CONCURRENCY, default 16)
 *
 * Measures:
 *  - throughput: a backlog of BENCH_MAILS outbox rows drained by one worker process (relay + worker):
 *    messages/s from the worker's start to the last SMTP accept, and its ratio to the direct loop [≥ 0.5];
 *  - latency: BENCH_LATENCY_MAILS (500) tickets created at BENCH_RATE (20/s, below capacity) with the worker
 *    running: p50/p99 from the creating transaction's COMMIT to the sink's SMTP accept.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { SmtpSink } from "../libs/server/testing/src/smtp-sink.ts";
import { pct } from "./load.ts";
import { DIST, ensureBuilt, freshDatabase, loadServer, makeTenant, ROOT, startServer } from "./server.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const QUEUE = process.env.BENCH_QUEUE === "postgres" ? "postgres" : "redis";
const MAILS = Number(process.env.BENCH_MAILS ?? 10_000);
const LATENCY_MAILS = Number(process.env.BENCH_LATENCY_MAILS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const load = (file: string) => import(pathToFileURL(path.join(DIST, file)).href);

/**
 * A local SMTP sink (the tests' SmtpSink, libs/server/testing) that does not parse: it counts messages and
 * notes when each ticket number's mail was accepted (found in the message's first 4 KiB).
 */
async function startSink() {
  const accepted = new Map<string, number>();
  const sink = await new SmtpSink({
    parse: false,
    onAccept: (head, at) => {
      const number = /\b(BN-\d+)\b/.exec(head)?.[1];
      if (number) accepted.set(number, at);
    },
  }).start();
  return { sink, accepted };
}

async function until(check: () => boolean, what: string, ms = 600_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main() {
  await ensureBuilt();
  const server = await loadServer();
  const [data, notifications, queue, emails, tickets] = await Promise.all([
    load("libs/server/data/src/index.js"),
    load("libs/server/notifications/src/index.js"),
    load("libs/server/queue/src/index.js"),
    load("libs/server/emails/src/index.js"),
    load("libs/server/tickets/src/index.js"),
  ]);
  const db = await freshDatabase(ADMIN_URL, "usl_bench_mail");
  const { sink, accepted } = await startSink();
  const started = await startServer(server, db.url, {
    poolSize: 24,
    redisUrl: QUEUE === "redis" ? REDIS_URL : undefined,
  });
  const { database, nest } = started;
  // The compiled server's Config (bench/server.ts keeps it opaque).
  const config = started.config as { publicUrl: string; redisUrl?: string | undefined };
  const prefix = `bench-${Date.now()}`;
  try {
    const tenant = await makeTenant(server, nest, `bm${Date.now().toString(36)}`);
    const ds = database.dataSource;
    await ds.query("update itsm_licenses set max_emails_month = 100000000 where tenant_id = $1", [tenant.id]);
    await ds.query(
      "insert into itsm_settings (tenant_id, ticket_prefix) values ($1, 'BN') on conflict (tenant_id) do update set ticket_prefix = 'BN'",
      [tenant.id],
    );
    const [admin] = await ds.query("select id from users where tenant_id = $1 and email like 'admin@%'", [
      tenant.id,
    ]);
    // The admin files each ticket (the actor, not mailed); the agent queue (one agent) gets one mail each.
    const create = async () => {
      const rows = await data.inTenantStatement(ds, tenant.id, tickets.CREATE_TICKET_SQL, [
        tenant.id,
        "incident",
        "Benchmark ticket",
        "",
        "medium",
        admin.id,
        null,
        null,
        admin.id,
      ]);
      return `BN-${String(rows[0].number).padStart(6, "0")}`;
    };

    // 1. The backlog: MAILS tickets, their outbox rows waiting.
    console.log(`creating ${MAILS} tickets (outbox backlog)…`);
    for (let i = 0; i < MAILS; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, MAILS - i) }, create));
    }

    // 2. The direct loop: the same rendered messages, nodemailer → sink, one after the other.
    const outbox = await ds.query(
      "select id, event, payload from outbox where tenant_id = $1 order by created_at",
      [tenant.id],
    );
    const links = { publicUrl: config.publicUrl, secret: "bench" };
    const rendered = await data.inTenant(ds, tenant.id, async (em: unknown) => {
      const out = [];
      for (const row of outbox)
        out.push(
          ...(await emails.composeEventMails(em, { name: row.event, payload: row.payload }, row.id, links)),
        );
      return out;
    });
    const direct = emails.createMailTransport({ ...config, smtpUrl: sink.url });
    const d0 = performance.now();
    for (const mail of rendered)
      await direct.send({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
    const directSeconds = (performance.now() - d0) / 1000;
    direct.close();
    const directRate = rendered.length / directSeconds;
    console.log(
      `direct nodemailer loop: ${rendered.length} messages in ${directSeconds.toFixed(2)} s = ${directRate.toFixed(0)}/s`,
    );

    // 3. The pipeline drains the backlog.
    const before = sink.count;
    const worker = new notifications.NotificationWorker({
      dataSource: ds,
      backend: queue.queueBackend(
        QUEUE === "redis" ? { ...config, redisUrl: REDIS_URL } : { ...config, redisUrl: undefined },
        database,
      ),
      compose: emails.composeEventMails,
      transport: emails.createMailTransport({ ...config, smtpUrl: sink.url }),
      publicUrl: config.publicUrl,
      concurrency: CONCURRENCY,
      scheduled: [],
      prefix,
    });
    const p0 = performance.now();
    await worker.start();
    await until(() => sink.count - before >= rendered.length, "the backlog to be delivered");
    const pipelineSeconds = (sink.lastAcceptedAt - p0) / 1000;
    const pipelineRate = rendered.length / pipelineSeconds;
    console.log(
      `pipeline (outbox → BullMQ on ${QUEUE} → worker → SMTP): ${rendered.length} in ${pipelineSeconds.toFixed(2)} s = ${pipelineRate.toFixed(0)}/s, ratio ${(pipelineRate / directRate).toFixed(2)}`,
    );

    // 4. Latency at a steady rate, the worker running.
    const committed = new Map<string, number>();
    const gap = 1000 / RATE;
    const l0 = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < LATENCY_MAILS; i++) {
      const due = l0 + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(create().then((n) => void committed.set(n, performance.now())));
    }
    await Promise.all(pending);
    await until(() => [...committed.keys()].every((n) => accepted.has(n)), "the paced mails");
    const latencies = [...committed].map(([n, t]) => (accepted.get(n) as number) - t).sort((a, b) => a - b);
    await worker.stop();
    const [dup] = await ds.query(
      "select count(*) as n from email_deliveries where tenant_id = $1 and status <> 'sent'",
      [tenant.id],
    );

    const results = {
      when: new Date().toISOString(),
      queue: QUEUE,
      database: "postgres",
      concurrency: CONCURRENCY,
      mails: rendered.length,
      direct: { seconds: directSeconds, perSecond: Math.round(directRate) },
      pipeline: { seconds: pipelineSeconds, perSecond: Math.round(pipelineRate) },
      ratio: Number((pipelineRate / directRate).toFixed(2)),
      latency: {
        mails: latencies.length,
        ratePerSecond: RATE,
        p50Ms: Number(pct(latencies, 50).toFixed(1)),
        p99Ms: Number(pct(latencies, 99).toFixed(1)),
      },
      deliveriesNotSent: Number(dup.n),
    };
    console.log(JSON.stringify(results, null, 2));
    const dir = path.join(ROOT, "bench/results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `notifications-${results.when.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`wrote ${file}`);
  } finally {
    await nest.close();
    await database.close();
    await sink.stop();
    await db.drop();
  }
}

await main();
process.exit(0);
