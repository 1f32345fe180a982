/**
 * Asset list benchmark: GET /api/assets through the tickets-api (the compiled NestJS server, dist/server,
 * in this process on a real port) at BENCH_ASSETS assets in one tenant, beside the very statement the
 * service runs (assetListStatement) on a pg pool in the same run and on the same PostgreSQL. The HTTP
 * client runs in its own process (bench/http-load.ts). Writes bench/results/assets-<time>.json.
 *
 *   npm run bench:assets        (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS=5 BENCH_ASSETS=100000 npm run bench:assets
 *
 * Cases (a page of 50 each): the first page; a deep page (a cursor in the middle of the list); searches
 * (word prefixes of name and tag: a broad one, a narrow one, an exact tag); a filter (category + status). The raw side connects as the
 * database owner (no row-level security); the server as the app role, with its session check.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { httpLoad, pct } from "./load.ts";
import { DIST, freshDatabase, loadServer, makeTenant, PASSWORD, startServer } from "./server.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ASSETS = Number(process.env.BENCH_ASSETS ?? 100_000);
const f2 = (x: number) => x.toFixed(2);

type ListStatement = (tenantId: string, query: Record<string, unknown>) => { sql: string; params: unknown[] };

async function rawLatencies(pool: pg.Pool, concurrency: number, sql: string, params: unknown[]) {
  const end = Date.now() + SECONDS * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        await pool.query(sql, params);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

async function main() {
  const server = await loadServer();
  const assets = (await import(pathToFileURL(path.join(DIST, "libs/server/assets/src/index.js")).href)) as {
    assetListStatement: ListStatement;
    encodeAssetCursor(c: { name: string; id: string }): string;
  };
  const db = await freshDatabase(ADMIN_URL, "usl_bench_assets");
  const { database, nest } = await startServer(server, db.url, { poolSize: 10 });
  await nest.listen(0, "127.0.0.1");
  const address = (await nest.getUrl()).replace("[::1]", "127.0.0.1");
  const raw = new pg.Pool({ connectionString: db.url, max: 10 });
  raw.on("error", () => {});
  const pools: pg.Pool[] = [];
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    server: "tickets-api (NestJS, dist/server)",
    seconds: SECONDS,
    assets: ASSETS,
    node: process.version,
    postgres: (await raw.query("show server_version")).rows[0].server_version,
  };
  try {
    const tenant = await makeTenant(server, nest, "assets");
    // Realistic names and tags: 5 categories × a few models, 6 locations, 4 statuses.
    const t0 = performance.now();
    await raw.query(
      `insert into assets (tenant_id, name, asset_tag, category, location, status, notes)
       select $1,
              (array['Dell Latitude 7440','Lenovo ThinkPad T14','MacBook Pro 14','Dell U2723QE','LG 27UP850',
                     'iPhone 15','Pixel 8','HP LaserJet M507','Dell WD22TB4','Samsung S27A600'])[1 + n % 10] || ' #' || n,
              'AT-' || lpad(n::text, 7, '0'),
              (array['Laptop','Laptop','Laptop','Monitor','Monitor','Phone','Phone','Printer','Dock','Monitor'])[1 + n % 10],
              (array['Berlin HQ','Hamburg Office','Munich Office','Warehouse','Remote','Lab'])[1 + n % 6],
              (array['in_use','in_use','in_stock','in_repair','retired'])[1 + (n / 10) % 5],
              ''
       from generate_series(1, $2) n`,
      [tenant.id, ASSETS],
    );
    await raw.query("analyze assets");
    // The raw side's connections carry the tenant as a session setting, so asset_search() (which reads
    // app.tenant_id, as in a tenant transaction) finds the tenant's assets without a transaction.
    const scoped = new pg.Pool({
      connectionString: db.url,
      max: 10,
      options: `-c app.tenant_id=${tenant.id}`,
    });
    scoped.on("error", () => {});
    pools.push(scoped);
    console.log(`seeded ${ASSETS} assets in ${f2((performance.now() - t0) / 1000)} s`);

    const signIn = await fetch(`${address}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `admin@${tenant.slug}.test`, password: PASSWORD }),
    });
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;

    // The middle of the list, as a cursor a client would have been given.
    const { rows: middle } = await raw.query(
      "select name, id from assets where tenant_id = $1 order by name, id offset $2 limit 1",
      [tenant.id, Math.floor(ASSETS / 2)],
    );
    const deep = assets.encodeAssetCursor(middle[0]);
    const cases: [string, Record<string, unknown>, string][] = [
      ["first page", {}, ""],
      ["deep page (cursor at the middle)", { cursor: deep }, `&cursor=${deep}`],
      ["search 'dell' (20% of the assets match)", { q: "dell" }, "&q=dell"],
      ["search 'latitude 123' (a few match)", { q: "latitude 123" }, "&q=latitude%20123"],
      ["exact tag", { q: "AT-0050000" }, "&q=AT-0050000"],
      [
        "filter category=Monitor&status=in_stock",
        { category: "Monitor", status: "in_stock" },
        "&category=Monitor&status=in_stock",
      ],
    ];
    const out: Record<string, unknown> = {};
    for (const [name, query, qs] of cases) {
      const { sql, params } = assets.assetListStatement(tenant.id, { ...query, limit: 50 });
      const plan = (await scoped.query(`explain (analyze, buffers) ${sql}`, params)).rows
        .map((r) => r["QUERY PLAN"])
        .join("\n");
      for (const c of [1, 8]) {
        const r = await rawLatencies(scoped, c, sql, params);
        await httpLoad({
          url: `${address}/api/assets?limit=50${qs}`,
          method: "GET",
          headers: { cookie },
          concurrency: c,
          seconds: 1,
          expect: 200,
        });
        const h = await httpLoad({
          url: `${address}/api/assets?limit=50${qs}`,
          method: "GET",
          headers: { cookie },
          concurrency: c,
          seconds: SECONDS,
          expect: 200,
        });
        const entry = {
          rawP50ms: pct(r, 50),
          rawP95ms: pct(r, 95),
          httpP50ms: pct(h.latencies, 50),
          httpP95ms: pct(h.latencies, 95),
          httpPerSec: h.perSec,
          p50Ratio: pct(h.latencies, 50) / pct(r, 50),
        };
        out[`${name} c${c}`] = { ...entry, ...(c === 1 ? { plan } : {}) };
        console.log(
          `assets ${name}, ${c} client(s): raw p50 ${f2(entry.rawP50ms)} ms p95 ${f2(entry.rawP95ms)} ms; http p50 ${f2(entry.httpP50ms)} ms p95 ${f2(entry.httpP95ms)} ms (${entry.httpPerSec.toFixed(0)}/s); p50 ratio ${f2(entry.p50Ratio)}×`,
        );
      }
      console.log(`plan (${name}):\n${plan}`);
    }
    results.list = out;
  } finally {
    await nest.close();
    await raw.end();
    for (const p of pools) await p.end();
    await database.close();
    await db.drop();
  }
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `assets-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`wrote ${file}`);
}

await main();
