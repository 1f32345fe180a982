/**
 * Public API benchmark: the authenticated ticket list (25 tickets) and ticket creation through
 * /public/v1 on the tickets-api (the compiled NestJS server, dist/server, in this process on a real
 * port), each beside a bare Fastify route running the same SQL through the same pool, in the same run,
 * in the same server process. The HTTP client is a separate process (bench/http-load.ts).
 * Prints ratios and writes bench/results/public-api-<time>.json.
 *
 *   npm run bench:api        (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50 BENCH_TICKETS=10000 BENCH_REDIS_URL=redis://127.0.0.1:6379 npm run bench:api
 *   BENCH_PROFILE=dir npm run bench:api   (CPU profile of the server during the API's last round)
 *
 * What each side does per request:
 *  - bare: one SELECT (the list's own statement, queueStatement() as QueueService runs it) on the pool,
 *    rows mapped to the ticket JSON; no key, no Nest (no guard, pipe, interceptor, filter), no tenant
 *    transaction, no validation, no metering. Added to the Fastify instance under Nest, so it shares the
 *    server's Fastify hooks (security headers, the Public API hooks' route check).
 *  - bare in a tenant transaction: the same, in its own tenant transaction (row-level security) sent in
 *    one round trip, as QueueService runs it (inTenantStatement).
 *  - Public API: key lookup (one round trip), rate limit, license/scope checks, query validation
 *    (class-validator), listTickets (tenant transaction), signed cursor, response, usage metering.
 */

import fs from "node:fs";
import path from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
import { httpLoad, type Load, pct } from "./load.ts";
import { startProfile } from "./profile.ts";
import { freshDatabase, loadServer, makeTenant, startServer, type TicketRow } from "./server.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const REDIS_URL = process.env.BENCH_REDIS_URL;
const POOL = 20;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const server = await loadServer();
  const db = await freshDatabase(ADMIN_URL, "usl_bench_api");
  const { database, nest, fastify } = await startServer(server, db.url, {
    poolSize: POOL,
    redisUrl: REDIS_URL,
  });
  const pool = server.poolOf(database.dataSource);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    server: "tickets-api (NestJS, dist/server)",
    node: process.version,
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    pool: POOL,
    tickets: TICKETS,
    rateLimiter: REDIS_URL ? "redis" : "in-process",
  };
  let closed = false;
  try {
    const tenant = await makeTenant(server, nest, "bench");
    const secret = tenant.secret;
    await pool.query(
      `insert into tickets (tenant_id, number, prefix, type, title, description, status, reporter_id, created_at)
       select $1, n, 'TKT', 'incident', 'Seeded ' || n, 'Seeded ticket', case when n % 10 = 0 then 'open' else 'closed' end, $2,
              now() - make_interval(secs => $3 - n)
       from generate_series(1, $3) n`,
      [tenant.id, tenant.agentId, TICKETS],
    );
    await pool.query(
      "insert into itsm_settings (tenant_id, last_ticket_number) values ($1, $2) on conflict (tenant_id) do update set last_ticket_number = $2",
      [tenant.id, TICKETS],
    );
    await pool.query("analyze");

    // The list's statement exactly as QueueService builds it for an agent's key (no filters, newest first, 25 + 1).
    const actor = { tenantId: tenant.id, userId: tenant.agentId, permissions: new Set(["tickets:manage"]) };
    const list = server.queueStatement(actor, { limit: 25 });
    results.listSql = list.sql;
    const page = (rows: TicketRow[]) => {
      const last = rows[24];
      return {
        data: rows.slice(0, 25).map((r) => server.ticketJson(server.toView(r))),
        next_cursor: rows.length > 25 && last ? server.encodeCursor(last.created_at, last.id) : null,
      };
    };

    // The bare routes: same server process, same Fastify, same pool, no Nest (not under /api or /public).
    fastify.get("/bench/bare/tickets", async () => page((await pool.query(list.sql, list.params)).rows));
    fastify.get("/bench/bare-tenant/tickets", async () =>
      page(
        await server.inTenantStatement<TicketRow>(database.dataSource, tenant.id, list.sql, list.params, {
          readOnly: true,
        }),
      ),
    );
    fastify.post("/bench/bare/tickets", async (request: FastifyRequest, reply: FastifyReply) => {
      const b = request.body as { title: string; description: string; type: string };
      const { rows } = await pool.query(server.createTicketSql, [
        tenant.id,
        b.type,
        b.title,
        b.description,
        "medium",
        tenant.agentId,
        null,
        null,
        tenant.agentId,
      ]);
      return reply.status(201).send(server.ticketJson(server.toView(rows[0])));
    });
    await nest.listen(0, "127.0.0.1");
    const base = (await nest.getUrl()).replace("[::1]", "127.0.0.1");

    const auth = { authorization: `Bearer ${secret}` };
    const json = { "content-type": "application/json" };
    const body = JSON.stringify({
      title: "Bench ticket",
      description: "From the benchmark",
      type: "incident",
    });
    const variants = {
      list: [
        { name: "bare", url: `${base}/bench/bare/tickets`, method: "GET", headers: {}, expect: 200 },
        {
          name: "bareTenant",
          url: `${base}/bench/bare-tenant/tickets`,
          method: "GET",
          headers: {},
          expect: 200,
        },
        { name: "api", url: `${base}/public/v1/tickets`, method: "GET", headers: auth, expect: 200 },
      ],
      create: [
        { name: "bare", url: `${base}/bench/bare/tickets`, method: "POST", headers: json, body, expect: 201 },
        {
          name: "api",
          url: `${base}/public/v1/tickets`,
          method: "POST",
          headers: { ...auth, ...json },
          body,
          expect: 201,
        },
      ],
    };
    // Sanity: the API answers what the bare route answers.
    const [bareBody, apiBody] = await Promise.all(
      [`${base}/bench/bare/tickets`, `${base}/public/v1/tickets`].map(async (u) =>
        (await fetch(u, { headers: u.includes("public") ? auth : {} })).json(),
      ),
    );
    if (JSON.stringify(bareBody.data) !== JSON.stringify(apiBody.data))
      throw new Error("bare and API lists differ");
    let apiRequestsSent = 1;

    for (const [op, list] of Object.entries(variants)) {
      const runs: Record<string, (Load & { cpuMsPerOp: number })[]> = {};
      for (const v of list) {
        const warm = await httpLoad({ ...v, concurrency: CONNECTIONS, seconds: 1 });
        if (v.name === "api") apiRequestsSent += warm.ops;
      }
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order so that neither side always runs on a warmer (or more crowded) machine.
        const order = round % 2 ? [...list].reverse() : list;
        for (const v of order) {
          const profile = await startProfile(`${op}-${v.name}`, v.name === "api" && round === ROUNDS - 1);
          const cpu = process.cpuUsage();
          const load = await httpLoad({ ...v, concurrency: CONNECTIONS, seconds: SECONDS });
          const used = process.cpuUsage(cpu);
          await profile.stop();
          if (v.name === "api") apiRequestsSent += load.ops;
          const cpuMsPerOp = (used.user + used.system) / 1000 / Math.max(1, load.ops);
          runs[v.name] = [...(runs[v.name] ?? []), { ...load, cpuMsPerOp }];
        }
      }
      const summary: Record<string, unknown> = {};
      for (const [variant, loads] of Object.entries(runs)) {
        const all = loads.flatMap((l) => l.latencies);
        summary[variant] = {
          perSec: mean(loads.map((l) => l.perSec)),
          perSecRounds: loads.map((l) => Math.round(l.perSec)),
          p50ms: pct(all, 50),
          p95ms: pct(all, 95),
          p99ms: pct(all, 99),
          serverCpuMsPerOp: mean(loads.map((l) => l.cpuMsPerOp)),
          clientCpuMsPerOp: mean(loads.map((l) => l.clientCpuMsPerOp ?? 0)),
        };
      }
      const rate = (v: string) => (summary[v] as { perSec: number }).perSec;
      summary.ratioApiToBare = rate("api") / rate("bare");
      if (summary.bareTenant) summary.ratioApiToBareTenant = rate("api") / rate("bareTenant");
      if (op === "list") summary.target = 0.5;
      results[op] = summary;
      const line = Object.entries(summary)
        .filter(([, v]) => typeof v === "object")
        .map(([k, v]) => {
          const s = v as { perSec: number; p50ms: number; p95ms: number; serverCpuMsPerOp: number };
          return `${k} ${s.perSec.toFixed(0)}/s (p50 ${s.p50ms.toFixed(1)} ms, p95 ${s.p95ms.toFixed(1)} ms, server ${s.serverCpuMsPerOp.toFixed(2)} ms CPU/request)`;
        })
        .join("; ");
      console.log(`${op}, ${CONNECTIONS} connections: ${line}`);
      console.log(
        `  ratio API/bare ${(summary.ratioApiToBare as number).toFixed(2)}${op === "list" ? " (target ≥ 0.50)" : ""}${summary.ratioApiToBareTenant ? `, API/bare-in-tenant-transaction ${(summary.ratioApiToBareTenant as number).toFixed(2)}` : ""}`,
      );
    }
    // Every API request was metered: the usage table holds them after the last flush (on close).
    await nest.close();
    closed = true;
    const usage = await pool.query(
      "select sum(requests)::int requests, sum(status_2xx)::int ok from api_usage_daily where tenant_id = $1",
      [tenant.id],
    );
    results.metered = { ...usage.rows[0], sent: apiRequestsSent };
    console.log(
      `metered: ${usage.rows[0].requests} API requests (${usage.rows[0].ok} 2xx) of ${apiRequestsSent} sent`,
    );
  } finally {
    if (!closed) await nest.close();
    await database.close();
    await db.drop();
  }
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `public-api-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`wrote ${file}`);
}

await main();
