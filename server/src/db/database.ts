import path from "node:path";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { type EmbeddedHost, type HostKind, isServing, lockHolder, startEmbeddedHost } from "./embedded.ts";
import { migrate } from "./migrate.ts";
import type { DB } from "./schema.ts";

// Return bigint/numeric counts as numbers and timestamps as Date (the pg defaults otherwise).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = Kysely<DB>;
/** A database handle inside one transaction (inTenant's, or an operator's db.transaction()). */
export type Tx = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** "embedded" or "postgres": reported by /readyz and the operator console. */
  mode: "embedded" | "postgres";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply migrations (the server does; the CLI does too, so a fresh data dir works). */
  migrate?: boolean;
  poolSize?: number;
  /** Tests: embedded database in memory with its socket in this directory. */
  inMemorySocketDir?: string;
  /**
   * Embedded mode, when this process ends up opening the files: "shared" (the server) lets other
   * processes connect to it; "exclusive" (the CLI, which exits after one command) does not.
   */
  hostKind?: HostKind;
}

/**
 * Open the configured database. Embedded mode: serve the PGlite files in DATA_DIR if no other process
 * does, otherwise connect to the process that serves them.
 */
export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  let host: EmbeddedHost | null = null;
  let poolConfig: pg.PoolConfig;
  if (config.databaseUrl) {
    poolConfig = { connectionString: config.databaseUrl, max: options.poolSize ?? 20 };
  } else {
    const socketDir = options.inMemorySocketDir ?? config.dataDir;
    host = await connectOrHost(
      options.inMemorySocketDir ? null : config.dataDir,
      socketDir,
      options.hostKind ?? "shared",
    );
    poolConfig = { host: socketDir, database: "postgres", user: "postgres", max: options.poolSize ?? 8 };
  }
  const pool = new pg.Pool(poolConfig);
  pool.on("error", () => {}); // an idle client's broken connection is replaced on next use
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (options.migrate !== false) await migrate(pool);
  } catch (err) {
    await db.destroy();
    await host?.stop();
    throw err;
  }
  return {
    db,
    pool,
    mode: config.databaseUrl ? "postgres" : "embedded",
    async close() {
      await db.destroy();
      await host?.stop();
    },
  };
}

/**
 * Connect to the process that serves the embedded database, or open the files and serve them. A process
 * that holds the files exclusively (a CLI command) is waited for, never connected to: it is about to
 * close them, and the connection would die with it.
 */
async function connectOrHost(
  dataDir: string | null,
  socketDir: string,
  kind: HostKind,
): Promise<EmbeddedHost | null> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const holder = lockHolder(socketDir);
    if (holder?.kind === "shared" && (await isServing(socketDir))) return null;
    if (!holder) {
      const host = await startEmbeddedHost(dataDir, socketDir, kind);
      if (host) return host;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The embedded database in ${path.resolve(socketDir)} is locked by process ${holder?.pid ?? "?"}, which does not serve it.`,
      );
    }
    // The holder is starting up, or runs one CLI command: wait for its socket or for it to finish.
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The role every tenant-scoped transaction runs as: no superuser, no BYPASSRLS, so RLS applies. */
export const APP_ROLE = "uslimato_app";

/**
 * THE choke point for tenant data: a transaction in which row-level security limits every table to
 * `tenantId`. Nothing else in the code base may read or write tenant tables except functions named
 * `unsafe…` (sign-in lookups, the operator).
 */
export async function inTenant<T>(
  db: Db,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  if (!UUID_RE.test(tenantId)) throw new Error(`inTenant: "${tenantId}" is not a tenant id`);
  return db.connection().execute(async (conn) => {
    // BEGIN and the scope in one round trip (a parameterless query goes out as one simple-protocol
    // message). Inlining is safe: tenantId has just been checked to be a UUID and APP_ROLE is a constant.
    await sql
      .raw(
        `begin; select set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true)`,
      )
      .execute(conn);
    try {
      const result = await fn(conn);
      // A read-only transaction has nothing to make durable: answer without waiting for its COMMIT (the
      // connection runs it before anything the next user sends). Writes wait, so a 201 means committed.
      const commit = sql`commit`.execute(conn);
      if (options.readOnly) commit.catch(() => {});
      else await commit;
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
  });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Narrow an already open transaction to one tenant (used by inTenant, and by the operator after it
 * creates a tenant in the same transaction). */
export async function scopeToTenant(tx: Tx, tenantId: string): Promise<void> {
  await sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`.execute(
    tx,
  );
}
