import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { setLicense } from "../src/modules/licensing/licenses.ts";
import { createTenant } from "../src/modules/tenants/tenants.ts";

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

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
}

export async function startTestApp(): Promise<TestApp> {
  const tdb = await openTestDatabase();
  const app = await buildApp({ config: tdb.config, database: tdb.database });
  await app.ready();
  return {
    ...tdb,
    app,
    async close() {
      await app.close();
      await tdb.close();
    },
  };
}

export const PASSWORD = "correct horse battery staple";
let counter = 0;
export function uniqueSlug(prefix = "t"): string {
  counter += 1;
  return `${prefix}${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A tenant with its admin; `license: true` also activates ITSM with every flag. */
export async function makeTenant(
  t: TestDatabase,
  options: { license?: boolean | { maxAgents?: number; flags?: string[] } } = {},
) {
  const slug = uniqueSlug();
  const adminEmail = `admin@${slug}.test`;
  const tenant = await createTenant(t.database.db, {
    slug,
    name: `Tenant ${slug}`,
    adminEmail,
    adminPassword: PASSWORD,
  });
  if (options.license) {
    const opts = options.license === true ? {} : options.license;
    await setLicense(t.database.db, tenant.id, { active: true, ...opts });
  }
  return { ...tenant, adminEmail };
}

/** A signed-in browser-like client for app.inject: keeps the cookie and sends the CSRF token on writes. */
export class Client {
  cookie = "";
  csrf = "";
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async signIn(email: string, password = PASSWORD, tenant?: string): Promise<LightMyRequestResponse> {
    const res = await this.request("POST", "/api/auth/sign-in", {
      email,
      password,
      ...(tenant ? { tenant } : {}),
    });
    if (res.statusCode === 200) {
      const set = res.cookies.find((c) => c.name === "uslimato_session");
      this.cookie = `uslimato_session=${set?.value}`;
      this.csrf = res.json().csrfToken;
    }
    return res;
  }

  request(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { "x-csrf-token": this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
    });
  }
  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body?: unknown) => this.request("PATCH", url, body ?? {});
  put = (url: string, body?: unknown) => this.request("PUT", url, body);
  delete = (url: string) => this.request("DELETE", url);
}

export async function signedIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.signIn(email, password);
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** A snapshot of every row of the given tables, to prove that a refused request changed nothing. */
export async function snapshot(t: TestDatabase, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await t.database.pool.query(`select * from ${table} order by 1, 2`);
    out[table] = rows;
  }
  return out;
}
