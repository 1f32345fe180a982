/**
 * Ticket benchmark: creation and the queue page through the tickets-api (the compiled NestJS server,
 * dist/server, in this process on a real port), each beside the same work without the server on the same
 * PostgreSQL in the same run. The HTTP client runs in its own process (bench/http-load.ts). Prints the
 * ratios and writes bench/results/tickets-<time>.json.
 *
 *   npm run bench                 (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS=5 BENCH_QUEUE_ROWS=100000 BENCH_TENANTS=16 npm run bench
 *   BENCH_PLAN_ROWS=1000000 npm run bench   (also grow to 1M tickets and check the queue plan)
 *   BENCH_PROFILE=dir npm run bench         (CPU profile of the server during each HTTP measurement)
 *   BENCH_ONLY=hot,many npm run bench       (only some parts: session, hot, many, queue)
 * Also: BENCH_WARMUP (s of HTTP load before each measured one, 1), BENCH_PGBENCH_MODES (extended,prepared),
 * BENCH_PGBENCH (/usr/bin/pgbench), BENCH_DIST (the build, dist/server), BENCH_CLIENT=fetch (load generator).
 *
 * Measures (issue 8's targets in brackets):
 *  - creation through /api/tickets (session), one tenant, 1 and 8 clients, vs the raw transaction;
 *  - creation through POST /public/v1/tickets, ONE tenant (its counter row is the hot spot), 8
 *    connections, vs pgbench running bench/create-ticket.pgbench.sql on the same tenant [≥ 0.40];
 *  - the same across BENCH_TENANTS tenants (one key each, taken in turn), 8 connections, vs the raw
 *    transaction over the same tenants from a pg pool in this process [≥ 0.60];
 *  - the queue page (50 newest open of BENCH_QUEUE_ROWS), 1 and 8 clients, vs its SQL on the pool
 *    [p50 ≤ 3×, p95 ≤ 4×].
 * The raw side connects as the database owner (no row-level security); the server as the app role.
 */

import { performance } from "node:perf_hooks";
import pg from "pg";
import { httpLoad, type Load, pct } from "./load.ts";
import { startProfile } from "./profile.ts";
import {
  type BenchTenant,
  freshDatabase,
  loadServer,
  makeTenant,
  numbering,
  type PgbenchResult,
  pgbench,
  rawCreate,
  seedTickets,
  signIn,
  startServer,
  writeResults,
} from "./server.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const QUEUE_ROWS = Number(process.env.BENCH_QUEUE_ROWS ?? 100_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 16);
/** Grow the tenant to this many tickets at the end and check the queue plan is still an index scan. */
const PLAN_ROWS = Number(process.env.BENCH_PLAN_ROWS ?? 0);
const POOL = 20;
/** pgbench's query protocols to run (BENCH_PGBENCH_MODES, comma-separated). */
const PGBENCH_MODES = (process.env.BENCH_PGBENCH_MODES ?? "extended,prepared").split(",");
/** BENCH_ONLY=session,hot,many,queue: run only these parts (all by default). */
const ONLY = process.env.BENCH_ONLY?.split(",");
const part = (name: string) => !ONLY || ONLY.includes(name);

async function runFor(concurrency: number, seconds: number, op: (i: number) => Promise<void>): Promise<Load> {
  const end = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        await op(n++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const clientCpuMsPerOp = (used.user + used.system) / 1000 / Math.max(1, latencies.length);
  return { ops: latencies.length, perSec: latencies.length / seconds, latencies, clientCpuMsPerOp };
}

/** What the server process spent on a measurement: CPU per request and how busy its event loop was. */
interface ServerCost {
  cpuMsPerOp: number;
  eventLoopBusy: number;
}

/** Warm the server up on this request, then measure it (profiled when BENCH_PROFILE is set). */
async function measure(name: string, opts: Parameters<typeof httpLoad>[0]): Promise<Load & ServerCost> {
  if (WARMUP > 0) await httpLoad({ ...opts, seconds: WARMUP });
  const profile = await startProfile(name);
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  try {
    const load = await httpLoad(opts);
    const used = process.cpuUsage(cpu);
    return {
      ...load,
      cpuMsPerOp: (used.user + used.system) / 1000 / Math.max(1, load.ops),
      eventLoopBusy: performance.eventLoopUtilization(elu).utilization,
    };
  } finally {
    await profile.stop();
  }
}

/** "server 1.10 ms CPU/request, event loop 93% busy, client 0.30 ms CPU/request" */
const cost = (c: ServerCost & Load) =>
  `server ${c.cpuMsPerOp.toFixed(2)} ms CPU/request, event loop ${(100 * c.eventLoopBusy).toFixed(0)}% busy, client ${(c.clientCpuMsPerOp ?? 0).toFixed(2)} ms CPU/request`;

const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);

async function main() {
  const server = await loadServer();
  const db = await freshDatabase(ADMIN_URL, "usl_bench");
  const { database, nest } = await startServer(server, db.url, { poolSize: POOL });
  await nest.listen(0, "127.0.0.1");
  const address = (await nest.getUrl()).replace("[::1]", "127.0.0.1");
  const raw = new pg.Pool({ connectionString: db.url, max: POOL });
  raw.on("error", () => {});
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    server: "tickets-api (NestJS, dist/server)",
    seconds: SECONDS,
    queueRows: QUEUE_ROWS,
    tenants: TENANTS,
    node: process.version,
    postgres: (await raw.query("show server_version")).rows[0].server_version,
  };

  try {
    // One tenant with one agent: every creation hits the same counter row (the hot-counter case).
    const hot = await makeTenant(server, nest, "bench");
    const session = await signIn(address, hot.agentEmail);
    const createBody = JSON.stringify({ title: "Http", description: "", type: "incident" });
    const bearer = (t: BenchTenant) => ({ authorization: `Bearer ${t.secret}` });

    // 1. /api/tickets (web app's route) vs the raw transaction, one tenant.
    const create: Record<string, unknown> = {};
    for (const c of part("session") ? [1, 8] : []) {
      const r = await runFor(c, SECONDS, () => rawCreate(raw, hot.id, hot.agentId));
      const h = await measure(`create-session-c${c}`, {
        url: `${address}/api/tickets`,
        method: "POST",
        headers: session,
        body: createBody,
        concurrency: c,
        seconds: SECONDS,
        expect: 201,
      });
      create[`c${c}`] = {
        rawPerSec: r.perSec,
        httpPerSec: h.perSec,
        ratio: h.perSec / r.perSec,
        httpP50ms: pct(h.latencies, 50),
        rawP50ms: pct(r.latencies, 50),
        serverCpuMsPerOp: h.cpuMsPerOp,
        serverEventLoopBusy: h.eventLoopBusy,
        clientCpuMsPerOp: h.clientCpuMsPerOp,
      };
      console.log(
        `create /api/tickets, one tenant, ${c} client(s): raw ${f0(r.perSec)}/s, http ${f0(h.perSec)}/s, ratio ${f2(h.perSec / r.perSec)} (${cost(h)})`,
      );
    }
    if (part("session")) results.create = create;

    // 2. The target: POST /public/v1/tickets, one tenant, 8 connections, vs pgbench on the same counter.
    if (part("hot")) {
      // pgbench in each protocol mode; the ratio is taken against the faster one.
      const pgbs: PgbenchResult[] = [];
      for (const mode of PGBENCH_MODES) {
        const opts = { clients: 8, seconds: SECONDS, tenantId: hot.id, reporterId: hot.agentId, mode };
        pgbs.push(await pgbench(db.url, opts));
      }
      const pgb = pgbs.reduce((a, b) => (b.tps > a.tps ? b : a));
      const api = await measure("create-public-hot-c8", {
        url: `${address}/public/v1/tickets`,
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(hot) },
        body: createBody,
        concurrency: 8,
        seconds: SECONDS,
        expect: 201,
      });
      results.createPublicHot = {
        clients: 8,
        pgbench: pgbs,
        apiPerSec: api.perSec,
        apiP50ms: pct(api.latencies, 50),
        apiP95ms: pct(api.latencies, 95),
        ratio: api.perSec / pgb.tps,
        ratioTo: `pgbench -M ${pgb.mode}`,
        target: 0.4,
        serverCpuMsPerOp: api.cpuMsPerOp,
        serverEventLoopBusy: api.eventLoopBusy,
        clientCpuMsPerOp: api.clientCpuMsPerOp,
      };
      const pgbLine = pgbs.map((r) => `-M ${r.mode} ${f0(r.tps)} tps (${r.failed} failed)`).join(", ");
      console.log(
        `create POST /public/v1/tickets, ONE tenant (hot counter), 8 connections: pgbench ${pgbLine}; API ${f0(api.perSec)}/s (p50 ${f2(pct(api.latencies, 50))} ms) → ratio ${f2(api.perSec / pgb.tps)} of pgbench -M ${pgb.mode} (target ≥ 0.40; ${cost(api)})`,
      );
    }

    // 3. Across many tenants (no shared counter): the API vs the raw transaction, 8 clients each.
    const many: BenchTenant[] = [];
    if (part("many")) {
      for (let i = 0; i < TENANTS; i++) many.push(await makeTenant(server, nest, `bench-${i}`));
      const rawMany = await runFor(8, SECONDS, (n) => {
        const t = many[n % many.length] as BenchTenant;
        return rawCreate(raw, t.id, t.agentId);
      });
      const apiMany = await measure("create-public-many-c8", {
        url: `${address}/public/v1/tickets`,
        method: "POST",
        headers: { "content-type": "application/json" },
        rotate: many.map(bearer),
        body: createBody,
        concurrency: 8,
        seconds: SECONDS,
        expect: 201,
      });
      results.createPublicManyTenants = {
        clients: 8,
        tenants: TENANTS,
        rawPerSec: rawMany.perSec,
        rawP50ms: pct(rawMany.latencies, 50),
        apiPerSec: apiMany.perSec,
        apiP50ms: pct(apiMany.latencies, 50),
        ratio: apiMany.perSec / rawMany.perSec,
        target: 0.6,
        serverCpuMsPerOp: apiMany.cpuMsPerOp,
        serverEventLoopBusy: apiMany.eventLoopBusy,
      };
      console.log(
        `create POST /public/v1/tickets, ${TENANTS} tenants, 8 connections: raw ${f0(rawMany.perSec)}/s (${(rawMany.clientCpuMsPerOp ?? 0).toFixed(2)} ms CPU/transaction in this process), API ${f0(apiMany.perSec)}/s → ratio ${f2(apiMany.perSec / rawMany.perSec)} (target ≥ 0.60; ${cost(apiMany)})`,
      );
    }

    const hotNumbers = await numbering(raw, [hot.id]);
    const manyNumbers = await numbering(
      raw,
      many.map((t) => t.id),
    );
    results.numbering = { hot: hotNumbers, many: manyNumbers };
    console.log(
      `numbering: hot tenant ${hotNumbers.tickets ?? 0} tickets (raw, pgbench, /api, Public API), gapless: ${hotNumbers.gapless === 1}` +
        (many.length
          ? `; ${manyNumbers.gapless} of ${many.length} other tenants gapless (${manyNumbers.tickets} tickets)`
          : ""),
    );

    if (part("queue")) {
      // 4. The queue: QUEUE_ROWS tickets in the tenant, most of them closed; the page is the 50 newest open.
      // Seeded in bulk (seedTickets: without the per-row status-count trigger, then recounted once).
      const tenthOpen = "case when n % 10 = 0 then 'open' else 'closed' end";
      await seedTickets(raw, hot, QUEUE_ROWS, { place: "newest", status: tenthOpen });
      // The service's own statement (queueStatement) for an agent asking for the 50 newest open tickets.
      const agent = { tenantId: hot.id, userId: hot.agentId, permissions: new Set(["tickets:manage"]) };
      const { sql: queueSql, params: queueParams } = server.queueStatement(agent, {
        status: ["open"],
        limit: 50,
      });
      results.queueSql = queueSql;
      const plan = (await raw.query(`explain ${queueSql}`, queueParams)).rows
        .map((r) => r["QUERY PLAN"])
        .join("\n");
      results.queuePlan = plan;
      const queue: Record<string, unknown> = {};
      for (const c of [1, 8]) {
        const r = await runFor(c, SECONDS, async () => {
          await raw.query(queueSql, queueParams);
        });
        const h = await measure(`queue-c${c}`, {
          url: `${address}/api/tickets?status=open&limit=50`,
          method: "GET",
          headers: session,
          concurrency: c,
          seconds: SECONDS,
          expect: 200,
        });
        const entry = {
          rawP50ms: pct(r.latencies, 50),
          rawP95ms: pct(r.latencies, 95),
          httpP50ms: pct(h.latencies, 50),
          httpP95ms: pct(h.latencies, 95),
          p50Ratio: pct(h.latencies, 50) / pct(r.latencies, 50),
          p95Ratio: pct(h.latencies, 95) / pct(r.latencies, 95),
          serverCpuMsPerOp: h.cpuMsPerOp,
          serverEventLoopBusy: h.eventLoopBusy,
        };
        queue[`c${c}`] = entry;
        console.log(
          `queue (${QUEUE_ROWS} tickets), ${c} client(s): raw p50 ${f2(entry.rawP50ms)} ms p95 ${f2(entry.rawP95ms)} ms; http p50 ${f2(entry.httpP50ms)} ms p95 ${f2(entry.httpP95ms)} ms; ratios ${f2(entry.p50Ratio)}× / ${f2(entry.p95Ratio)}× (target ≤ 3× / ≤ 4×; ${cost(h)})`,
        );
      }
      results.queue = queue;
      console.log(`queue plan:\n${plan}`);

      const have = (await raw.query("select count(*)::int as n from tickets where tenant_id = $1", [hot.id]))
        .rows[0].n as number;
      if (PLAN_ROWS > have) {
        // Older history: the page's newest open tickets stay the same ones.
        await seedTickets(raw, hot, PLAN_ROWS - have, { place: "oldest", status: tenthOpen });
        const big = (await raw.query(`explain (analyze, buffers) ${queueSql}`, queueParams)).rows
          .map((r) => r["QUERY PLAN"])
          .join("\n");
        const count = (
          await raw.query("select count(*)::int as n from tickets where tenant_id = $1", [hot.id])
        ).rows[0].n;
        const indexScan = big.includes("Index Scan using tickets_queue");
        results.queuePlanAtScale = { tickets: count, indexScan, plan: big };
        console.log(`queue plan at ${count} tickets (index scan: ${indexScan}):\n${big}`);
      }
    }
  } finally {
    await nest.close();
    await raw.end();
    await database.close();
    await db.drop();
  }
  console.log(`wrote ${writeResults("tickets", results)}`);
}

await main();
