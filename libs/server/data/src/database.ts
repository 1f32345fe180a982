import "reflect-metadata";
import path from "node:path";
import type { Config } from "@uslimato/server-core";
import pg from "pg";
import { DataSource, type EntityManager } from "typeorm";
import {
  type EmbeddedHost,
  type HostKind,
  isServing,
  lockHolder,
  startEmbeddedHost,
} from "./embedded/embedded.ts";
import { ENTITIES } from "./entities/index.ts";
import { MIGRATIONS } from "./migrations/index.ts";

// Return bigint/numeric counts as numbers (counters and counts stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The database of this process: TypeORM's DataSource on `pg`, embedded (PGlite) or a PostgreSQL server. */
export interface Database {
  dataSource: DataSource;
  /** "embedded" or "postgres": reported by /readyz and the operator console. */
  mode: "embedded" | "postgres";
  /**
   * Hot paths may run as named prepared statements: a PostgreSQL server that allows them
   * (config.preparedStatements). Never on the embedded database: one session shared by every client.
   */
  preparedStatements: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Apply pending migrations (default: config.migrateOnStart, so a fresh data dir works). When off, a
   * database with pending migrations is refused: the code would run against a schema it does not know.
   */
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
 * does, otherwise connect to the process that serves them. Either way TypeORM talks `pg` to it, so both
 * modes run one code path.
 */
export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  let host: EmbeddedHost | null = null;
  let connection: { url: string } | { host: string; database: string; username: string };
  if (config.databaseUrl) {
    connection = { url: config.databaseUrl };
  } else {
    const socketDir = options.inMemorySocketDir ?? config.dataDir;
    host = await connectOrHost(
      options.inMemorySocketDir ? null : config.dataDir,
      socketDir,
      options.hostKind ?? "shared",
    );
    connection = { host: socketDir, database: "postgres", username: "postgres" };
  }
  const dataSource = new DataSource({
    type: "postgres",
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: "each",
    synchronize: false,
    // PGlite has no uuid-ossp; the schema uses gen_random_uuid() and its own uuid_v7().
    installExtensions: false,
    logging: false,
    extra: { max: options.poolSize ?? (config.databaseUrl ? 20 : 8) },
  });
  try {
    await dataSource.initialize();
    // An idle client's broken connection is replaced on next use; without a listener it would crash us.
    poolOf(dataSource).on("error", () => {});
    if (options.migrate ?? config.migrateOnStart) await migrate(dataSource);
    else if (options.migrate === undefined) await refusePendingMigrations(dataSource);
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await host?.stop();
    throw err;
  }
  return {
    dataSource,
    mode: config.databaseUrl ? "postgres" : "embedded",
    preparedStatements: Boolean(config.databaseUrl) && config.preparedStatements,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await host?.stop();
    },
  };
}

/** The `pg` pool under TypeORM's postgres driver. */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

const MIGRATION_LOCK = 727274;

/**
 * Apply pending migrations. A session advisory lock (the number the SQL migrations used) makes
 * concurrent starts of several processes apply each migration exactly once.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: "each" });
    return done.map((m) => m.name);
  } finally {
    await runner.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await runner.release();
  }
}

async function refusePendingMigrations(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) {
    throw new Error(
      `The database lacks ${pending.length} migration(s) (${pending.join(", ")}): run "uslimato migrate" first (DATABASE_MIGRATE=off).`,
    );
  }
}

/** For /readyz: the migrations this database has not applied yet. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query("select name from migrations").catch(() => []);
  const done = new Set(rows.map((r) => r.name));
  return MIGRATIONS.map((m) => m.name).filter((name) => !done.has(name));
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

export type { EntityManager };
