/**
 * Public API benchmark: the authenticated ticket list (25 tickets) and ticket creation through
 * /public/v1, each beside a bare Fastify route running the same SQL through the same pool, in the same
 * run, against the same server process. The HTTP client is a separate process (bench/http-load.ts).
 * Prints ratios and writes bench/results/public-api-<time>.json.
 *
 *   npm run bench:api        (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50 BENCH_TICKETS=10000 BENCH_REDIS_URL=redis://127.0.0.1:6379 npm run bench:api
 *
 * What each side does per request:
 *  - bare: one SELECT (the list's own SQL, as Kysely compiles it for listTickets) on the pool, rows mapped
 *    to the ticket JSON; no key, no tenant transaction, no validation, no metering.
 *  - bare in a tenant transaction: the same, inside inTenant() (row-level security), as the service runs it.
 *  - Public API: key lookup (one round trip), rate limit, license/scope checks, query validation,
 *    listTickets (tenant transaction), signed cursor, zod-encoded response, usage metering.
 */

import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { buildApp } from "../server/src/app.ts";
import { loadConfig } from "../server/src/config.ts";
import { inTenant, openDatabase, type Tx } from "../server/src/db/database.ts";
import type { DB } from "../server/src/db/schema.ts";
import { insertUser } from "../server/src/modules/access/users.ts";
import { setLicense } from "../server/src/modules/licensing/licenses.ts";
import { createApiKey } from "../server/src/modules/public-api/api-keys.ts";
import { createTenant } from "../server/src/modules/tenants/tenants.ts";
import { encodeCursor } from "../server/src/modules/tickets/queue.ts";
import { type TicketRow, ticketQuery, toView } from "../server/src/modules/tickets/ticket-view.ts";
import { httpLoad, type Load, pct } from "./load.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const REDIS_URL = process.env.BENCH_REDIS_URL;
const POOL = 20;
const PASSWORD = "correct horse battery staple";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const name = `usl_bench_api_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    LOG_LEVEL: "silent",
    ...(REDIS_URL ? { REDIS_URL } : {}),
  });
  const database = await openDatabase(config, { poolSize: POOL });
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    pool: POOL,
    tickets: TICKETS,
    rateLimiter: REDIS_URL ? "redis" : "in-process",
  };
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    const db = database.db;
    const tenant = await createTenant(db, {
      slug: "bench",
      name: "Bench",
      adminEmail: "admin@bench.test",
      adminPassword: PASSWORD,
    });
    // A limit no run reaches: the limiter still counts every request, it never refuses one.
    await setLicense(db, tenant.id, { active: true, maxAgents: 100, apiRateLimit: 10_000_000 });
    const agentId = await inTenant(db, tenant.id, (tx) =>
      insertUser(tx, tenant.id, {
        email: "agent@bench.test",
        name: "Agent",
        password: PASSWORD,
        groups: ["ITSM Agent"],
      }),
    );
    const { secret } = await createApiKey(db, tenant.id, {
      name: "bench",
      scopes: ["tickets:read", "tickets:write"],
      ownerEmail: "agent@bench.test",
      createdBy: null,
    });
    await database.pool.query(
      `insert into tickets (tenant_id, number, prefix, type, title, description, status, reporter_id, created_at)
       select $1, n, 'TKT', 'incident', 'Seeded ' || n, 'Seeded ticket', case when n % 10 = 0 then 'open' else 'closed' end, $2,
              now() - make_interval(secs => $3 - n)
       from generate_series(1, $3) n`,
      [tenant.id, agentId, TICKETS],
    );
    await database.pool.query(
      "insert into itsm_settings (tenant_id, last_ticket_number) values ($1, $2) on conflict (tenant_id) do update set last_ticket_number = $2",
      [tenant.id, TICKETS],
    );
    await database.pool.query("analyze");

    // The list's SQL exactly as listTickets builds it (no filters, newest first, limit 25 + 1).
    const listQuery = (q: Kysely<DB>) =>
      ticketQuery(q as unknown as Tx)
        .where("t.tenant_id", "=", tenant.id)
        .orderBy("t.created_at", "desc")
        .orderBy("t.id", "desc")
        .limit(26);
    const compiled = listQuery(db).compile();
    results.listSql = compiled.sql;
    const page = (rows: TicketRow[]) => {
      const last = rows[24];
      return {
        data: rows.slice(0, 25).map(toView),
        next_cursor: rows.length > 25 && last ? encodeCursor(last.created_at, last.id) : null,
      };
    };
    const createSql = `
      with counter as (
        insert into itsm_settings (tenant_id, last_ticket_number) values ($1, 1)
        on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1
        returning last_ticket_number, ticket_prefix
      ), ticket as (
        insert into tickets (tenant_id, number, prefix, type, title, description, priority, reporter_id)
        select $1, last_ticket_number, ticket_prefix, $3, $4, $5, 'medium', $2 from counter
        returning *
      ), history as (
        insert into ticket_history (tenant_id, ticket_id, actor_id, kind, new_value)
        select tenant_id, id, $2, 'created', 'open' from ticket
      )
      select t.*, r.name as reporter_name, r.email as reporter_email
      from ticket t join users r on r.tenant_id = t.tenant_id and r.id = t.reporter_id`;

    app = await buildApp({ config, database });
    // The bare routes: same server, same pool, no guard (not under /api or /public), no schemas.
    app.get("/bench/bare/tickets", async () => {
      const { rows } = await database.pool.query(compiled.sql, compiled.parameters as unknown[]);
      return page(rows as TicketRow[]);
    });
    app.get("/bench/bare-tenant/tickets", async () =>
      page((await inTenant(db, tenant.id, (tx) => listQuery(tx).execute())) as TicketRow[]),
    );
    app.post("/bench/bare/tickets", async (request, reply) => {
      const b = request.body as { title: string; description: string; type: string };
      const { rows } = await database.pool.query(createSql, [
        tenant.id,
        agentId,
        b.type,
        b.title,
        b.description,
      ]);
      return reply.status(201).send(rows[0]);
    });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });

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
      const runs: Record<string, Load[]> = {};
      for (const v of list) {
        const warm = await httpLoad({ ...v, concurrency: CONNECTIONS, seconds: 1 });
        if (v.name === "api") apiRequestsSent += warm.ops;
      }
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order so that neither side always runs on a warmer (or more crowded) machine.
        const order = round % 2 ? [...list].reverse() : list;
        for (const v of order) {
          const load = await httpLoad({ ...v, concurrency: CONNECTIONS, seconds: SECONDS });
          if (v.name === "api") apiRequestsSent += load.ops;
          runs[v.name] = [...(runs[v.name] ?? []), load];
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
        };
      }
      const rate = (v: string) => (summary[v] as { perSec: number }).perSec;
      summary.ratioApiToBare = rate("api") / rate("bare");
      if (summary.bareTenant) summary.ratioApiToBareTenant = rate("api") / rate("bareTenant");
      results[op] = summary;
      const line = Object.entries(summary)
        .filter(([, v]) => typeof v === "object")
        .map(([k, v]) => {
          const s = v as { perSec: number; p50ms: number; p95ms: number };
          return `${k} ${s.perSec.toFixed(0)}/s (p50 ${s.p50ms.toFixed(1)} ms, p95 ${s.p95ms.toFixed(1)} ms)`;
        })
        .join("; ");
      console.log(`${op}, ${CONNECTIONS} connections: ${line}`);
      console.log(
        `  ratio API/bare ${(summary.ratioApiToBare as number).toFixed(2)}${summary.ratioApiToBareTenant ? `, API/bare-in-tenant-transaction ${(summary.ratioApiToBareTenant as number).toFixed(2)}` : ""}`,
      );
    }
    // Every API request was metered: the usage table holds them (after the last flush).
    await app.close();
    app = null;
    const usage = await database.pool.query(
      "select sum(requests)::int requests, sum(status_2xx)::int ok from api_usage_daily where tenant_id = $1",
      [tenant.id],
    );
    results.metered = { ...usage.rows[0], sent: apiRequestsSent };
    console.log(
      `metered: ${usage.rows[0].requests} API requests (${usage.rows[0].ok} 2xx) of ${apiRequestsSent} sent`,
    );
  } finally {
    await app?.close();
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `public-api-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`wrote ${file}`);
}

await main();
