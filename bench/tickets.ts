/**
 * Ticket benchmark: creation over HTTP and the queue page, each beside the same work in raw SQL on the
 * same PostgreSQL in the same run. The HTTP client runs in its own process (bench/http-load.ts). Prints ratios and writes bench/results/tickets-<time>.json.
 *
 *   npm run bench                 (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS=5 BENCH_QUEUE_ROWS=100000 npm run bench
 *   BENCH_PLAN_ROWS=1000000 npm run bench   (also grow to 1M tickets and check the queue plan)
 */

import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildApp } from "../server/src/app.ts";
import { loadConfig } from "../server/src/config.ts";
import { inTenant, openDatabase } from "../server/src/db/database.ts";
import { insertUser } from "../server/src/modules/access/users.ts";
import { setLicense } from "../server/src/modules/licensing/licenses.ts";
import { createTenant } from "../server/src/modules/tenants/tenants.ts";
import { httpLoad, pct } from "./load.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const QUEUE_ROWS = Number(process.env.BENCH_QUEUE_ROWS ?? 100_000);
/** Grow the tenant to this many tickets at the end and check the queue plan is still an index scan. */
const PLAN_ROWS = Number(process.env.BENCH_PLAN_ROWS ?? 0);
const PASSWORD = "correct horse battery staple";

async function runFor(
  concurrency: number,
  seconds: number,
  op: () => Promise<void>,
): Promise<{ ops: number; perSec: number; latencies: number[] }> {
  const end = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        await op();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { ops: latencies.length, perSec: latencies.length / seconds, latencies };
}

async function recount(raw: pg.Pool, tenantId: string) {
  await raw.query("delete from ticket_status_counts where tenant_id = $1", [tenantId]);
  await raw.query(
    "insert into ticket_status_counts (tenant_id, status, n) select tenant_id, status, count(*) from tickets where tenant_id = $1 group by 1, 2",
    [tenantId],
  );
}

async function main() {
  const name = `usl_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: "silent" });
  const database = await openDatabase(config, { poolSize: 20 });
  const app = await buildApp({ config, database });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const raw = new pg.Pool({ connectionString: url.toString(), max: 20 });
  raw.on("error", () => {});
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    seconds: SECONDS,
    queueRows: QUEUE_ROWS,
    node: process.version,
  };

  try {
    // One tenant with one agent: every creation hits the same counter row (the hot-counter case).
    const tenant = await createTenant(database.db, {
      slug: "bench",
      name: "Bench",
      adminEmail: "admin@bench.test",
      adminPassword: PASSWORD,
    });
    await setLicense(database.db, tenant.id, { active: true, maxAgents: 100 });
    const agentId = await inTenant(database.db, tenant.id, (tx) =>
      insertUser(tx, tenant.id, {
        email: "agent@bench.test",
        name: "Agent",
        password: PASSWORD,
        groups: ["ITSM Agent"],
      }),
    );
    const signIn = await fetch(`${address}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "agent@bench.test", password: PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { "content-type": "application/json", cookie, "x-csrf-token": csrfToken };

    const rawCreate = async () => {
      const c = await raw.connect();
      try {
        await c.query("begin");
        const r = await c.query(
          "insert into itsm_settings (tenant_id, last_ticket_number) values ($1, 1) on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1 returning last_ticket_number, ticket_prefix",
          [tenant.id],
        );
        const t = await c.query(
          "insert into tickets (tenant_id, number, prefix, type, title, description, reporter_id) values ($1, $2, $3, 'incident', 'Raw', '', $4) returning id",
          [tenant.id, r.rows[0].last_ticket_number, r.rows[0].ticket_prefix, agentId],
        );
        await c.query(
          "insert into ticket_history (tenant_id, ticket_id, actor_id, kind, new_value) values ($1, $2, $3, 'created', 'open')",
          [tenant.id, t.rows[0].id, agentId],
        );
        await c.query("commit");
      } finally {
        c.release();
      }
    };
    const createBody = JSON.stringify({ title: "Http", description: "", type: "incident" });
    const create: Record<string, unknown> = {};
    for (const c of [1, 8]) {
      const r = await runFor(c, SECONDS, rawCreate);
      const h = await httpLoad({
        url: `${address}/api/tickets`,
        method: "POST",
        headers,
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
      };
      console.log(
        `create, ${c} client(s): raw ${r.perSec.toFixed(0)}/s, http ${h.perSec.toFixed(0)}/s, ratio ${(h.perSec / r.perSec).toFixed(2)}`,
      );
    }
    results.create = create;
    const gaps = await raw.query(
      "select count(*)::int n, max(number)::int m, count(distinct number)::int d from tickets where tenant_id = $1",
      [tenant.id],
    );
    results.numbering = gaps.rows[0];
    console.log(
      `numbering: ${gaps.rows[0].n} tickets, max number ${gaps.rows[0].m}, distinct ${gaps.rows[0].d} (gapless: ${gaps.rows[0].n === gaps.rows[0].m && gaps.rows[0].n === gaps.rows[0].d})`,
    );

    // The queue: QUEUE_ROWS tickets in the tenant, most of them closed; the page is the 50 newest open.
    // Seeded in bulk without the per-row status-count trigger, then recounted once.
    await raw.query("alter table tickets disable trigger tickets_count_status");
    await raw.query(
      `insert into tickets (tenant_id, number, prefix, type, title, description, status, reporter_id, created_at)
       select $1, n, 'TKT', 'incident', 'Seeded ' || n, '', case when n % 10 = 0 then 'open' else 'closed' end, $2,
              now() - make_interval(secs => $3 - n)
       from generate_series((select last_ticket_number + 1 from itsm_settings where tenant_id = $1), (select last_ticket_number from itsm_settings where tenant_id = $1) + $3) n`,
      [tenant.id, agentId, QUEUE_ROWS],
    );
    await raw.query(
      "update itsm_settings set last_ticket_number = (select max(number) from tickets where tenant_id = $1) where tenant_id = $1",
      [tenant.id],
    );
    await recount(raw, tenant.id);
    await raw.query("alter table tickets enable trigger tickets_count_status");
    await raw.query("analyze tickets");
    const queueSql = `select t.*, r.name, r.email, a.name, a.email from tickets t
      join users r on r.tenant_id = t.tenant_id and r.id = t.reporter_id
      left join users a on a.tenant_id = t.tenant_id and a.id = t.assignee_id
      where t.tenant_id = $1 and t.status = 'open' order by t.created_at desc, t.id desc limit 51`;
    const plan = (await raw.query(`explain ${queueSql}`, [tenant.id])).rows
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    results.queuePlan = plan;
    const queue: Record<string, unknown> = {};
    for (const c of [1, 8]) {
      const r = await runFor(c, SECONDS, async () => {
        await raw.query(queueSql, [tenant.id]);
      });
      const h = await httpLoad({
        url: `${address}/api/tickets?status=open&limit=50`,
        method: "GET",
        headers,
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
      };
      queue[`c${c}`] = entry;
      console.log(
        `queue (${QUEUE_ROWS} tickets), ${c} client(s): raw p50 ${entry.rawP50ms.toFixed(2)} ms p95 ${entry.rawP95ms.toFixed(2)} ms; http p50 ${entry.httpP50ms.toFixed(2)} ms p95 ${entry.httpP95ms.toFixed(2)} ms; ratios ${entry.p50Ratio.toFixed(2)}× / ${entry.p95Ratio.toFixed(2)}×`,
      );
    }
    results.queue = queue;
    console.log(`queue plan:\n${plan}`);

    if (PLAN_ROWS > QUEUE_ROWS) {
      await raw.query("alter table tickets disable trigger tickets_count_status");
      await raw.query(
        `insert into tickets (tenant_id, number, prefix, type, title, description, status, reporter_id, created_at)
         select $1, n, 'TKT', 'incident', 'Seeded ' || n, '', case when n % 10 = 0 then 'open' else 'closed' end, $2,
                now() - make_interval(secs => n)
         from generate_series((select max(number) + 1 from tickets where tenant_id = $1), $3) n`,
        [tenant.id, agentId, PLAN_ROWS + 20_000],
      );
      await recount(raw, tenant.id);
      await raw.query("alter table tickets enable trigger tickets_count_status");
      await raw.query("analyze tickets");
      const big = (await raw.query(`explain (analyze, buffers) ${queueSql}`, [tenant.id])).rows
        .map((r) => r["QUERY PLAN"])
        .join("\n");
      const count = (
        await raw.query("select count(*)::int as n from tickets where tenant_id = $1", [tenant.id])
      ).rows[0].n;
      results.queuePlanAtScale = {
        tickets: count,
        indexScan: big.includes("Index Scan using tickets_queue"),
        plan: big,
      };
      console.log(
        `queue plan at ${count} tickets (index scan: ${big.includes("Index Scan using tickets_queue")}):\n${big}`,
      );
    }
  } finally {
    await app.close();
    await raw.end();
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `tickets-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`wrote ${file}`);
}

await main();
