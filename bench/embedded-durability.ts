/**
 * What durable commits cost in embedded mode: PGlite as shipped (fsync off, no-op fsync) against
 * PGlite opened by libs/server/data/src/embedded/durability.ts (a real fsync of the WAL at each commit),
 * on the same disk in the same run. Then HTTP latency of a write and a read through the real server (the
 * built tickets-api, dist/server, as a child process; the tenant made by the built CLI) on a data
 * directory, as users see it.
 *
 *   node bench/embedded-durability.ts            (BENCH_DIR: where the data directories go, default tmp)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { DIST, ensureBuilt, ROOT, startProcess } from "./server.ts";

await ensureBuilt();
const { durabilityStats, openDurablePGlite } = (await import(
  pathToFileURL(path.join(DIST, "libs/server/data/src/embedded/durability.js")).href
)) as {
  durabilityStats: { fsyncs: number; fsyncMs: number };
  openDurablePGlite(dir: string): Promise<PGlite>;
};
const BASE = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), "usl-bench-"));
const COMMITS = 1000;
const REQUESTS = 300;
const PASSWORD = "correct horse battery staple";

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const summary = (xs: number[]) => ({ p50ms: pct(xs, 50), p95ms: pct(xs, 95), p99ms: pct(xs, 99) });
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  server: "tickets-api (NestJS, dist/server)",
  node: process.version,
  commits: COMMITS,
  requests: REQUESTS,
};

async function commits(db: PGlite): Promise<number[]> {
  await db.exec("create table t (id serial primary key, v text)");
  const latencies: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const t0 = performance.now();
    await db.query("insert into t (v) values ($1)", [`row ${i}`]);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

async function raw() {
  const plain = await PGlite.create(path.join(BASE, "plain"));
  const a = await commits(plain);
  await plain.close();
  const durable = await openDurablePGlite(path.join(BASE, "durable"));
  const before = { ...durabilityStats };
  const b = await commits(durable);
  const fsyncs = durabilityStats.fsyncs - before.fsyncs;
  const fsyncMs = (durabilityStats.fsyncMs - before.fsyncMs) / fsyncs;
  await durable.close();
  console.log(`single-row INSERT commits, ${COMMITS} each, p50 / p95 / p99:`);
  console.log(`  PGlite as shipped: ${ms(pct(a, 50))} / ${ms(pct(a, 95))} / ${ms(pct(a, 99))}`);
  console.log(`  durable:           ${ms(pct(b, 50))} / ${ms(pct(b, 95))} / ${ms(pct(b, 99))}`);
  console.log(`  fsyncs: ${fsyncs} (${(fsyncs / COMMITS).toFixed(2)} per commit), mean ${ms(fsyncMs)} each`);
  results.commitsAsShipped = summary(a);
  results.commitsDurable = { ...summary(b), fsyncsPerCommit: fsyncs / COMMITS, fsyncMeanMs: fsyncMs };
}

async function http() {
  const dataDir = path.join(BASE, "server");
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
  const cli = spawn(
    process.execPath,
    [
      path.join(DIST, "apps/cli/src/main.js"),
      "tenant",
      "create",
      "--slug",
      "bench",
      "--name",
      "Bench",
    ].concat(["--admin-email", "a@bench.test", "--admin-password", PASSWORD]),
    { cwd: ROOT, env, stdio: "inherit" },
  );
  await new Promise((r) => cli.once("exit", r));
  const server = await startProcess("tickets-api", env, { stdio: "inherit" });
  const { url } = server;
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "a@bench.test", password: PASSWORD }),
  });
  const headers = {
    "content-type": "application/json",
    cookie: (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string,
    "x-csrf-token": ((await signIn.json()) as { csrfToken: string }).csrfToken,
  };
  const time = async (fn: (i: number) => Promise<Response>) => {
    const out: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const res = await fn(i);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      out.push(performance.now() - t0);
    }
    return out;
  };
  const writes = await time((i) =>
    fetch(`${url}/api/groups`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: `Group ${i}`, permissions: ["assets:read"] }),
    }),
  );
  const reads = await time(() => fetch(`${url}/api/session`, { headers }));
  console.log(
    `HTTP through the server on a data directory, ${REQUESTS} sequential requests, p50 / p95 / p99:`,
  );
  console.log(
    `  POST /api/groups (one write transaction): ${ms(pct(writes, 50))} / ${ms(pct(writes, 95))} / ${ms(pct(writes, 99))}`,
  );
  console.log(
    `  GET /api/session (read):                  ${ms(pct(reads, 50))} / ${ms(pct(reads, 95))} / ${ms(pct(reads, 99))}`,
  );
  results.httpWriteGroup = summary(writes);
  results.httpReadSession = summary(reads);
  await server.stop();
}

try {
  await raw();
  await http();
} finally {
  fs.rmSync(BASE, { recursive: true, force: true });
}
const dir = path.join(import.meta.dirname, "results");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `embedded-durability-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`wrote ${file}`);
