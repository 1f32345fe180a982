/**
 * The server under benchmark: the compiled tickets-api (dist/server, `node scripts/build-server.mjs`),
 * loaded in-process by path. bench/ runs on node's type stripping, which has no decorator metadata, so
 * it cannot load the Nest sources; the build is the code `npm start` runs. Built here when missing;
 * a build older than the sources is reported, not replaced (other processes may be running from it).
 *
 * Also: a fresh database per run, tenants set up through the product's own services, and pgbench.
 */

import { execFile } from "node:child_process";
import fs from "node:fs";
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
