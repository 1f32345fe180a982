/**
 * The server under benchmark: the compiled tickets-api (dist/server, `node scripts/build-server.mjs`),
 * loaded in-process by path. bench/ runs on node's type stripping, which has no decorator metadata, so
 * it cannot load the Nest sources; the build is the code `npm start` runs. Built here when missing;
 * a build older than the sources is reported, not replaced (other processes may be running from it).
 *
 * Also: a fresh database per run, tenants set up through the product's own services, pgbench, the
 * built server as its own OS process, bulk-seeded tickets and the numbering check, and the results file.
 */

import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import pg from "pg";
import type { DataSource, EntityManager } from "typeorm";

export const ROOT = path.resolve(import.meta.dirname, "..");
/** Where the compiled server is (`BENCH_DIST`, default dist/server). */
export const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(ROOT, "dist/server"));
export const PASSWORD = "correct horse battery staple";

type Class<T> = abstract new (...args: never[]) => T;

export interface Database {
  dataSource: DataSource;
  mode: "embedded" | "postgres";
  close(): Promise<void>;
}
interface TenantView {
  id: string;
  slug: string;
  name: string;
}
/** A ticket row as the hand-written statements select it (libs/server/tickets/src/ticket-view.ts). */
export type TicketRow = Record<string, unknown> & { id: string; created_at: Date };
export interface Actor {
  tenantId: string;
  userId: string;
  permissions: ReadonlySet<string>;
}

/** The parts of the compiled server the benchmarks use. */
export interface Server {
  createApp(config: unknown, database: Database): Promise<NestFastifyApplication>;
  loadConfig(env: Record<string, string>): unknown;
  openDatabase(config: unknown, options: { poolSize?: number }): Promise<Database>;
  inTenant<T>(
    ds: DataSource,
    tenantId: string,
    fn: (em: EntityManager) => Promise<T>,
    options?: { readOnly?: boolean },
  ): Promise<T>;
  inTenantStatement<T>(
    ds: DataSource,
    tenantId: string,
    sql: string,
    params: unknown[],
    options?: { readOnly?: boolean },
  ): Promise<T[]>;
  poolOf(ds: DataSource): pg.Pool;
  createTicketSql: string;
  queueStatement(
    actor: Actor,
    query: { status?: string[]; limit?: number },
  ): { sql: string; params: unknown[] };
  toView(row: TicketRow): unknown;
  ticketJson(view: unknown): unknown;
  encodeCursor(createdAt: Date, id: string): string;
  TenantsService: Class<{
    createTenant(input: {
      slug: string;
      name: string;
      adminEmail: string;
      adminPassword: string;
    }): Promise<TenantView>;
  }>;
  LicensingService: Class<{
    setLicense(
      tenantId: string,
      change: { active: boolean; maxAgents?: number; apiRateLimit?: number },
    ): Promise<unknown>;
  }>;
  UsersService: Class<{
    createUser(
      tenantId: string,
      input: { email: string; name: string; password: string; groups?: string[] },
    ): Promise<{ id: string }>;
  }>;
  ApiKeysService: Class<{
    createApiKey(
      tenantId: string,
      input: { name: string; scopes: string[]; ownerEmail: string; createdBy: null },
    ): Promise<{ secret: string }>;
  }>;
}

const load = (rel: string): Promise<Record<string, unknown>> =>
  import(pathToFileURL(path.join(DIST, rel)).href);

/** Build dist/server if it is missing; warn if it is older than the sources. */
export async function ensureBuilt(): Promise<void> {
  const entry = path.join(DIST, "apps/tickets-api/src/main.js");
  if (!fs.existsSync(entry)) {
    if (process.env.BENCH_DIST) throw new Error(`${entry} is missing (BENCH_DIST=${process.env.BENCH_DIST})`);
    console.log("dist/server is missing: building it (node scripts/build-server.mjs)");
    await import(pathToFileURL(path.join(ROOT, "scripts/build-server.mjs")).href);
  } else {
    const newest = newestSource();
    if (newest && newest.mtimeMs > fs.statSync(entry).mtimeMs) {
      console.warn(
        `WARNING: ${path.relative(ROOT, newest.file)} is newer than ${path.relative(ROOT, DIST)}: measuring an old build (run node scripts/build-server.mjs)`,
      );
    }
  }
}

/** The compiled server's modules (built first when missing). */
export async function loadServer(): Promise<Server> {
  await ensureBuilt();
  const [app, core, data, tickets, tenants, licensing, access, publicApi, json] = await Promise.all([
    load("apps/tickets-api/src/create-app.js"),
    load("libs/server/core/src/index.js"),
    load("libs/server/data/src/index.js"),
    load("libs/server/tickets/src/index.js"),
    load("libs/server/tenants/src/index.js"),
    load("libs/server/licensing/src/index.js"),
    load("libs/server/access/src/index.js"),
    load("libs/server/public-api/src/index.js"),
    load("libs/server/public-api/src/public-json.js"),
  ]);
  return {
    createApp: app.createApp,
    loadConfig: core.loadConfig,
    openDatabase: data.openDatabase,
    inTenant: data.inTenant,
    inTenantStatement: data.inTenantStatement,
    poolOf: data.poolOf,
    createTicketSql: tickets.CREATE_TICKET_SQL,
    queueStatement: tickets.queueStatement,
    toView: tickets.toView,
    encodeCursor: tickets.encodeCursor,
    ticketJson: json.ticketJson,
    TenantsService: tenants.TenantsService,
    LicensingService: licensing.LicensingService,
    UsersService: access.UsersService,
    ApiKeysService: publicApi.ApiKeysService,
  } as Server;
}

function newestSource(): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".spec.ts")) {
        const { mtimeMs } = fs.statSync(full);
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file: full, mtimeMs };
      }
    }
  };
  for (const dir of ["apps/tickets-api/src", "libs/domain/src", "libs/server"]) walk(path.join(ROOT, dir));
  return newest;
}

/** A fresh database on the benchmark's PostgreSQL server; `drop()` removes it. */
export async function freshDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The tickets-api in this process on `url` (migrated), initialised but not listening. */
export async function startServer(
  server: Server,
  url: string,
  options: { poolSize: number; redisUrl?: string | undefined },
) {
  const config = server.loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: "silent",
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
  });
  const database = await server.openDatabase(config, { poolSize: options.poolSize });
  const nest = await server.createApp(config, database);
  return { config, database, nest, fastify: nest.getHttpAdapter().getInstance() };
}

export interface BenchTenant {
  id: string;
  slug: string;
  /** The agent (ITSM Agent) the API key acts as; also the reporter of the raw side's tickets. */
  agentId: string;
  agentEmail: string;
  /** The Public API key, scopes tickets:read and tickets:write. */
  secret: string;
}

/**
 * A tenant set up as the operator and its admin would: licensed (with a rate limit no run reaches: the
 * limiter still counts every request, it never refuses one), an agent, and an API key acting as it.
 */
export async function makeTenant(
  server: Server,
  nest: NestFastifyApplication,
  slug: string,
): Promise<BenchTenant> {
  const tenant = await nest
    .get(server.TenantsService)
    .createTenant({ slug, name: slug, adminEmail: `admin@${slug}.test`, adminPassword: PASSWORD });
  await nest.get(server.LicensingService).setLicense(tenant.id, {
    active: true,
    maxAgents: 100,
    apiRateLimit: 10_000_000,
  });
  const agentEmail = `agent@${slug}.test`;
  const agent = await nest
    .get(server.UsersService)
    .createUser(tenant.id, { email: agentEmail, name: "Agent", password: PASSWORD, groups: ["ITSM Agent"] });
  const { secret } = await nest.get(server.ApiKeysService).createApiKey(tenant.id, {
    name: "bench",
    scopes: ["tickets:read", "tickets:write"],
    ownerEmail: agentEmail,
    createdBy: null,
  });
  return { id: tenant.id, slug, agentId: agent.id, agentEmail, secret };
}

/**
 * The ticket creation transaction as a client would write it: counter, ticket, history and the
 * ticket.created outbox row (the bench tenants have email_notifications on; see create-ticket.pgbench.sql).
 */
export async function rawCreate(pool: pg.Pool, tenantId: string, reporterId: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("begin");
    const r = await c.query(
      "insert into itsm_settings (tenant_id, last_ticket_number) values ($1, 1) on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1 returning last_ticket_number, ticket_prefix",
      [tenantId],
    );
    const t = await c.query(
      "insert into tickets (tenant_id, number, prefix, type, title, description, priority, reporter_id) values ($1, $2, $3, 'incident', 'Raw', '', 'medium', $4) returning id",
      [tenantId, r.rows[0].last_ticket_number, r.rows[0].ticket_prefix, reporterId],
    );
    await c.query(
      "insert into ticket_history (tenant_id, ticket_id, actor_id, kind, new_value) values ($1, $2, $3, 'created', 'open')",
      [tenantId, t.rows[0].id, reporterId],
    );
    await c.query(
      "insert into outbox (tenant_id, event, payload) values ($1, 'ticket.created', jsonb_build_object('tenantId', $1::uuid, 'ticketId', $2::uuid, 'actorId', $3::uuid, 'occurredAt', now()))",
      [tenantId, t.rows[0].id, reporterId],
    );
    await c.query("commit");
  } catch (err) {
    await c.query("rollback").catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

export interface PgbenchResult {
  mode: string;
  tps: number;
  transactions: number;
  failed: number;
  latencyAvgMs: number;
  command: string;
}

/**
 * pgbench (`BENCH_PGBENCH`, default /usr/bin/pgbench) running bench/create-ticket.pgbench.sql against
 * `url` for one tenant. `mode` is its query protocol: "extended" sends each statement with parameters
 * as the server's driver does, "prepared" plans each statement once per connection.
 */
export function pgbench(
  url: string,
  opts: { clients: number; seconds: number; tenantId: string; reporterId: string; mode: string },
) {
  const bin = process.env.BENCH_PGBENCH ?? "/usr/bin/pgbench";
  const args = [
    "--no-vacuum",
    "--protocol",
    opts.mode,
    "--client",
    String(opts.clients),
    "--jobs",
    "1",
    "--time",
    String(opts.seconds),
    "--define",
    `tenant=${opts.tenantId}`,
    "--define",
    `reporter=${opts.reporterId}`,
    "--file",
    path.join(import.meta.dirname, "create-ticket.pgbench.sql"),
    url,
  ];
  return new Promise<PgbenchResult>((resolve, reject) => {
    execFile(bin, args, (err, stdout, stderr) => {
      if (err) return reject(new Error(`pgbench failed: ${err.message}\n${stderr}`));
      const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? Number.NaN);
      const result = {
        mode: opts.mode,
        tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
        transactions: num(/number of transactions actually processed: (\d+)/),
        failed: num(/number of failed transactions: (\d+)/) || 0,
        latencyAvgMs: num(/latency average = ([\d.]+) ms/),
        command: `pgbench ${args.slice(0, -1).join(" ")} <url>`,
      };
      if (!Number.isFinite(result.tps))
        return reject(new Error(`pgbench: no tps in its output:\n${stdout}\n${stderr}`));
      resolve(result);
    });
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Poll `url` every `everyMs` until it answers 200; false when `alive()` turns false or `timeoutMs` passes. */
export async function untilOk(
  url: string,
  opts: { everyMs?: number; timeoutMs?: number; alive?: () => boolean } = {},
): Promise<boolean> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline && (opts.alive?.() ?? true)) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 10));
  }
  return false;
}

export interface BuiltProcess {
  /** Where it answers: the api's address, or the worker's health probe. */
  url: string;
  child: ChildProcess;
  pid: number;
  /** From spawn() to the first 200 of /readyz (the container HEALTHCHECK's endpoint), in ms. */
  readyMs: number;
  /** What it printed so far (stdio "pipe" only). */
  output(): string;
  /** SIGTERM (a clean shutdown) and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * A built app (`dist/server/apps/<app>/src/main.js`, what `npm start` and the images run) as its own OS
 * process, with `env` on top of this process's environment (DATABASE_URL or DATA_DIR pick the
 * database): the tickets-api on a free port of 127.0.0.1, the notification-worker with its health probe
 * on one. Resolves once /readyz answers 200 (the images' HEALTHCHECK). `wrap` runs it under another
 * command (e.g. `["taskset", "-c", "0"]`, which execs node: the pid stays node's).
 */
export async function startProcess(
  app: "tickets-api" | "notification-worker",
  env: Record<string, string | undefined>,
  opts: { stdio?: "pipe" | "inherit"; wrap?: string[]; timeoutMs?: number } = {},
): Promise<BuiltProcess> {
  const port = await freePort();
  const entry = path.join(DIST, `apps/${app}/src/main.js`);
  const [command = process.execPath, ...args] = [...(opts.wrap ?? []), process.execPath, entry];
  const listen =
    app === "tickets-api" ? { PORT: String(port), HOST: "127.0.0.1" } : { WORKER_HEALTH_PORT: String(port) };
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, ...listen },
    stdio: opts.stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (alive()) child.kill("SIGTERM");
    await exited;
  };
  if (!(await untilOk(`${url}/readyz`, { alive, timeoutMs: opts.timeoutMs ?? 120_000 }))) {
    await stop();
    throw new Error(`${app} process did not get ready (exit ${child.exitCode}):\n${output}`);
  }
  return {
    url,
    child,
    pid: child.pid as number,
    readyMs: performance.now() - t0,
    output: () => output,
    stop,
  };
}

/** Sign in through the API; the session's headers (cookie, CSRF token) for later requests. */
export async function signIn(address: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${address}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { "content-type": "application/json", cookie, "x-csrf-token": csrfToken };
}

/**
 * Bulk-insert `count` tickets into a tenant as the database owner (no row-level security), one
 * statement with generate_series: numbers continue after the tenant's counter (moved on to the highest),
 * one second apart, either all newer than now's second (`place: "newest"`, the newest at now() - 1 s) or
 * older than the tenant's oldest ticket (`place: "oldest"`, history before the existing tickets). In the
 * SQL expressions `status` and `assignee` (default null), `n` is the ticket's number and `i` its rank in
 * this batch by age (1 = its newest); $1 is the tenant and $2 the reporter. The per-row status-count
 * trigger is off during the insert and the counts are recounted once; then ANALYZE (VACUUM ANALYZE with
 * `vacuum`, which also sets the visibility map for index-only scans, as autovacuum would later).
 */
export async function seedTickets(
  raw: pg.Pool,
  tenant: { id: string; agentId: string },
  count: number,
  opts: { place: "newest" | "oldest"; status: string; assignee?: string; vacuum?: boolean },
): Promise<void> {
  const anchor =
    opts.place === "newest"
      ? "now()"
      : "coalesce((select min(created_at) from tickets where tenant_id = $1), now())";
  await raw.query("alter table tickets disable trigger tickets_count_status");
  try {
    await raw.query(
      `insert into tickets (tenant_id, number, prefix, type, title, description, status, assignee_id, reporter_id, created_at)
       select $1, n, 'TKT', 'incident', 'Seeded ' || n, '', ${opts.status}, ${opts.assignee ?? "null::uuid"}, $2,
              (select ${anchor}) - make_interval(secs => i)
       from (select last + k as n, ${opts.place === "newest" ? "$3 + 1 - k" : "k"} as i
             from (select coalesce((select last_ticket_number from itsm_settings where tenant_id = $1), 0) as last) c,
                  generate_series(1, $3::int) k) s`,
      [tenant.id, tenant.agentId, count],
    );
    await raw.query(
      `insert into itsm_settings (tenant_id, last_ticket_number) select $1, max(number) from tickets where tenant_id = $1
       on conflict (tenant_id) do update set last_ticket_number = excluded.last_ticket_number`,
      [tenant.id],
    );
    await raw.query("delete from ticket_status_counts where tenant_id = $1", [tenant.id]);
    await raw.query(
      "insert into ticket_status_counts (tenant_id, status, n) select tenant_id, status, count(*) from tickets where tenant_id = $1 group by 1, 2",
      [tenant.id],
    );
  } finally {
    await raw.query("alter table tickets enable trigger tickets_count_status");
  }
  await raw.query(opts.vacuum ? "vacuum analyze tickets" : "analyze tickets");
}

/** Ticket numbers of some tenants: in how many the count, the highest and the distinct numbers agree. */
export async function numbering(raw: pg.Pool, tenantIds: string[]) {
  const { rows } = await raw.query(
    `select count(*)::int n, count(*) filter (where n = m and n = d)::int gapless, sum(n)::int tickets
     from (select count(*) n, max(number) m, count(distinct number) d from tickets where tenant_id = any($1) group by tenant_id) x`,
    [tenantIds],
  );
  return rows[0] as { n: number; gapless: number; tickets: number };
}

/** Write `results` to bench/results/<name>-<time>.json (not committed); returns the path. */
export function writeResults(name: string, results: unknown): string {
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  return file;
}

/** The machine's load average (1, 5, 15 min) and cores: the benchmarks run on shared machines. */
export function machineLoad(): { loadavg: number[]; cores: number; at: string } {
  return {
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    cores: os.availableParallelism(),
    at: new Date().toISOString(),
  };
}
