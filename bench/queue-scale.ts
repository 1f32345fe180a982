/**
 * Queue at scale (issue 11): the agent's queue pages (GET /api/tickets, session cookie) for ONE tenant at
 * BENCH_SMALL_ROWS tickets, then the same tenant grown to BENCH_LARGE_ROWS; p50/p95 at both sizes and
 * p95(large) / p95(small) [target ≤ 1.5 for the first line], with each page's plan (EXPLAIN ANALYZE,
 * BUFFERS, run as the server runs it: the app role in a read-only tenant transaction) at both sizes.
 * The tickets-api runs in this process (createApp from dist/server, as bench/tickets.ts), the load
 * generator in its own (bench/http-load.ts).
 *
 *   node bench/queue-scale.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS=10 BENCH_SMALL_ROWS=10000 BENCH_LARGE_ROWS=1000000 node bench/queue-scale.ts
 * Also: BENCH_WARMUP (s of load before each measurement, 1), BENCH_DIST (the build).
 *
 * The tickets (seedTickets, bulk SQL as the owner) have a service desk's status mix by age: the newest
 * ACTIVE_WINDOW (2,000) tickets are the desk's current work — 30% open, 15% in progress, 15% resolved,
 * 35% closed, 5% cancelled — and every older one is closed (97.4%), cancelled (2.5%) or, 1 in 1,000,
 * still open (forgotten). So the open backlog grows a little with the history, the active work does not.
 * Five agents; every ticket is assigned to one of them (picked by a hash of its age), but for a third of
 * the open ones, which nobody has taken yet. The growth adds OLDER history (created before the first
 * tickets): the newest pages hold the same tickets at both sizes, only the table around them grows.
 * VACUUM ANALYZE after each seeding.
 */

import pg from "pg";
import { httpLoad, pct } from "./load.ts";
import {
  freshDatabase,
  loadServer,
  machineLoad,
  makeTenant,
  PASSWORD,
  seedTickets,
  signIn,
  startServer,
  writeResults,
} from "./server.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const SMALL = Number(process.env.BENCH_SMALL_ROWS ?? 10_000);
const LARGE = Number(process.env.BENCH_LARGE_ROWS ?? 1_000_000);
const ACTIVE_WINDOW = 2000;
const POOL = 20;

/** The status and assignee of the ticket `a`-th newest in the tenant (0 = the newest), as SQL. */
function mix(a: string, agents: string[]) {
  const open = `((${a}) < ${ACTIVE_WINDOW} and (${a}) % 20 < 6 or (${a}) >= ${ACTIVE_WINDOW} and (${a}) % 1000 = 0)`;
  const status = `case when (${a}) < ${ACTIVE_WINDOW} then
      case when (${a}) % 20 < 6 then 'open' when (${a}) % 20 < 9 then 'in_progress'
           when (${a}) % 20 < 12 then 'resolved' when (${a}) % 20 < 19 then 'closed' else 'cancelled' end
    else case when (${a}) % 1000 = 0 then 'open' when (${a}) % 40 = 1 then 'cancelled' else 'closed' end end`;
  // The ids are UUIDs made by the server in this run: safe to splice.
  const assignee = `case when ${open} and (${a}) % 3 = 0 then null
    else (array[${agents.map((id) => `'${id}'`).join(",")}]::uuid[])[1 + (hashint4(${a}) & 2147483647) % ${agents.length}] end`;
  return { status, assignee };
}

/** The views an agent uses: the target line (as bench/tickets.ts) and the web app's own queue queries. */
const VIEWS = [
  {
    name: "open, 50 newest",
    key: "open50",
    path: "/api/tickets?status=open&limit=50",
    query: { status: ["open"], limit: 50 },
    clients: [1, 8],
  },
  {
    name: "active (web app's default: open, in progress, resolved), 25",
    key: "active",
    path: "/api/tickets?status=open,in_progress,resolved&sort=newest&limit=25",
    query: { status: ["open", "in_progress", "resolved"], sort: "newest", limit: 25 },
    clients: [1],
  },
  {
    name: "active, assigned to me, 25",
    key: "mine",
    path: "/api/tickets?status=open,in_progress,resolved&assignee=me&sort=newest&limit=25",
    query: { status: ["open", "in_progress", "resolved"], assignee: "me", sort: "newest", limit: 25 },
    clients: [1],
  },
  {
    name: "all statuses, 25 newest",
    key: "all",
    path: "/api/tickets?sort=newest&limit=25",
    query: { sort: "newest", limit: 25 },
    clients: [1],
  },
] as const;

const f2 = (x: number) => x.toFixed(2);
const f0 = (x: number) => x.toFixed(0);

async function main() {
  const server = await loadServer();
  const db = await freshDatabase(ADMIN_URL, "usl_bench_queue");
  const { database, nest } = await startServer(server, db.url, { poolSize: POOL });
  await nest.listen(0, "127.0.0.1");
  const address = (await nest.getUrl()).replace("[::1]", "127.0.0.1");
  const raw = new pg.Pool({ connectionString: db.url, max: 4 });
  raw.on("error", () => {});
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    server: "tickets-api (NestJS, dist/server), in the benchmark's process",
    seconds: SECONDS,
    smallRows: SMALL,
    largeRows: LARGE,
    node: process.version,
    postgres: (await raw.query("show server_version")).rows[0].server_version,
    sharedBuffers: (await raw.query("show shared_buffers")).rows[0].shared_buffers,
    loadBefore: machineLoad(),
  };
  try {
    const tenant = await makeTenant(server, nest, "queue");
    const agents = [tenant.agentId];
    for (let i = 2; i <= 5; i++) {
      const user = await nest.get(server.UsersService).createUser(tenant.id, {
        email: `agent${i}@queue.test`,
        name: `Agent ${i}`,
        password: PASSWORD,
        groups: ["ITSM Agent"],
      });
      agents.push(user.id);
    }
    const session = await signIn(address, tenant.agentEmail);
    const actor = { tenantId: tenant.id, userId: tenant.agentId, permissions: new Set(["tickets:manage"]) };

    const firstPage = async () => {
      const res = await fetch(`${address}${VIEWS[0].path}`, { headers: session });
      return ((await res.json()) as { data: { id: string }[] }).data.map((t) => t.id);
    };

    async function measureAll(label: string) {
      const tickets = (
        await raw.query("select count(*)::int n from tickets where tenant_id = $1", [tenant.id])
      ).rows[0].n as number;
      const statuses = Object.fromEntries(
        (
          await raw.query(
            "select status, count(*)::int n from tickets where tenant_id = $1 group by status order by 2 desc",
            [tenant.id],
          )
        ).rows.map((r) => [r.status, r.n]),
      );
      const mine = (
        await raw.query(
          "select count(*)::int n from tickets where tenant_id = $1 and assignee_id = $2 and status in ('open','in_progress','resolved')",
          [tenant.id, tenant.agentId],
        )
      ).rows[0].n as number;
      const sizes = (
        await raw.query(
          `select pg_size_pretty(pg_table_size('tickets')) as "table",
                  pg_size_pretty(pg_indexes_size('tickets')) as indexes,
                  pg_size_pretty(pg_relation_size('tickets_queue')) as tickets_queue`,
        )
      ).rows[0];
      console.log(
        `\n${label}: ${tickets} tickets (${Object.entries(statuses)
          .map(([s, n]) => `${s} ${n}`)
          .join(
            ", ",
          )}; active assigned to the agent: ${mine}); table ${sizes.table}, indexes ${sizes.indexes}`,
      );
      const out: Record<string, unknown> = { tickets, statuses, activeAssignedToAgent: mine, sizes };
      for (const view of VIEWS) {
        const entry: Record<string, unknown> = {};
        for (const c of view.clients) {
          const opts = {
            url: `${address}${view.path}`,
            method: "GET",
            headers: session,
            concurrency: c,
            seconds: SECONDS,
            expect: 200,
          };
          if (WARMUP > 0) await httpLoad({ ...opts, seconds: WARMUP });
          const loadavg = machineLoad().loadavg;
          const h = await httpLoad(opts);
          const r = {
            perSec: h.perSec,
            p50ms: pct(h.latencies, 50),
            p95ms: pct(h.latencies, 95),
            p99ms: pct(h.latencies, 99),
            loadavg,
          };
          entry[`c${c}`] = r;
          console.log(
            `  ${view.name}, ${c} client(s): p50 ${f2(r.p50ms)} ms, p95 ${f2(r.p95ms)} ms, ${f0(r.perSec)}/s (load ${loadavg.join(" ")})`,
          );
        }
        const { sql, params } = server.queueStatement(actor, view.query as never);
        const plan = (
          await server.inTenantStatement<Record<string, string>>(
            database.dataSource,
            tenant.id,
            `explain (analyze, buffers) ${sql}`,
            params,
            { readOnly: true },
          )
        )
          .map((r) => r["QUERY PLAN"])
          .join("\n");
        entry.plan = plan;
        entry.sql = sql;
        const indexes = [...new Set([...plan.matchAll(/using (\w+)/g)].map((m) => m[1]))].join(", ");
        const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
        const hits = /Buffers: shared hit=(\d+)/.exec(plan)?.[1];
        entry.planSummary = { indexes, executionMs: Number(time), firstBufferLine: hits };
        console.log(`    plan: ${indexes}; execution ${time} ms; buffers (top node) ${hits}`);
        out[view.key] = entry;
      }
      out.loadAfter = machineLoad();
      return out;
    }

    const t0 = performance.now();
    await seedTickets(raw, tenant, SMALL, { place: "newest", ...mix("i - 1", agents), vacuum: true });
    results.seedSmallSeconds = (performance.now() - t0) / 1000;
    const pageSmall = await firstPage();
    const small = await measureAll(`${SMALL} tickets`);
    results.small = small;

    const t1 = performance.now();
    await seedTickets(raw, tenant, LARGE - SMALL, {
      place: "oldest",
      ...mix(`i - 1 + ${SMALL}`, agents),
      vacuum: true,
    });
    results.growSeconds = (performance.now() - t1) / 1000;
    console.log(
      `\ngrew to ${LARGE} tickets (insert + VACUUM ANALYZE) in ${f0(results.growSeconds as number)} s`,
    );
    const samePage = JSON.stringify(await firstPage()) === JSON.stringify(pageSmall);
    results.samePageAtBothSizes = samePage;
    const large = await measureAll(`${LARGE} tickets`);
    results.large = large;

    const ratios: Record<string, unknown> = {};
    console.log(
      `\np95(${LARGE}) / p95(${SMALL}) (target ≤ 1.5 for the first line; the 50 open on the page are the same tickets at both sizes: ${samePage}):`,
    );
    for (const view of VIEWS) {
      for (const c of view.clients) {
        const s = (small[view.key] as Record<string, { p50ms: number; p95ms: number }>)[`c${c}`];
        const l = (large[view.key] as Record<string, { p50ms: number; p95ms: number }>)[`c${c}`];
        if (!s || !l) continue;
        const ratio = { p50: l.p50ms / s.p50ms, p95: l.p95ms / s.p95ms };
        ratios[`${view.key}-c${c}`] = ratio;
        console.log(
          `  ${view.name}, ${c} client(s): p95 ${f2(s.p95ms)} → ${f2(l.p95ms)} ms = ${f2(ratio.p95)}× (p50 ${f2(s.p50ms)} → ${f2(l.p50ms)} ms = ${f2(ratio.p50)}×)`,
        );
      }
    }
    results.ratios = ratios;
    for (const [label, at] of [
      [SMALL, small],
      [LARGE, large],
    ] as const) {
      console.log(
        `\nplan of "${VIEWS[0].name}" at ${label} tickets:\n${(at.open50 as { plan: string }).plan}`,
      );
    }
  } finally {
    await nest.close();
    await raw.end();
    await database.close();
    await db.drop();
  }
  results.loadAfter = machineLoad();
  console.log(`wrote ${writeResults("queue-scale", results)}`);
}

await main();
