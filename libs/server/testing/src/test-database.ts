import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Config, loadConfig } from "@uslimato/server-core";
import { type Database, openDatabase } from "@uslimato/server-data";
import pg from "pg";

/**
 * Tests run against a real database: TEST_DB=embedded (default) opens a fresh in-memory PGlite behind
 * its socket, TEST_DB=postgres creates a fresh database on the PostgreSQL server at TEST_DATABASE_URL.
 * Both go through openDatabase(), exactly as the server does.
 */
export const TEST_DB = process.env.TEST_DB === "postgres" ? "postgres" : "embedded";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  database: Database;
  config: Config;
  /** For child processes (CLI, second server): the env that reaches the same database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-"));
  if (TEST_DB === "postgres") {
    const name = `usl_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), DATA_DIR: dir, LOG_LEVEL: "silent" };
    const config = loadConfig(env);
    const database = await openDatabase(config);
    return {
      database,
      config,
      env,
      async close() {
        await database.close();
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const env = { DATA_DIR: dir, LOG_LEVEL: "silent" };
  const config = loadConfig(env);
  // In memory, but served on the data dir's socket so that child processes (the CLI) reach it too.
  const database = await openDatabase(config, { inMemorySocketDir: dir });
  return {
    database,
    config,
    env,
    async close() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A snapshot of every row of the given tables, to prove that a refused request changed nothing. */
export async function snapshot(t: TestDatabase, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = await t.database.dataSource.query(`select * from ${table} order by 1, 2`);
  }
  return out;
}
