import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import { UsersService } from "@uslimato/server-access";
import { loadConfig } from "@uslimato/server-core";
import { type Database, inTenant, openDatabase } from "@uslimato/server-data";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { createApp } from "../src/create-app.ts";
import {
  Client,
  makeTenant,
  openTestDatabase,
  PASSWORD,
  TEST_DB,
  type TestApp,
  type TestDatabase,
} from "./helpers.ts";
import { freePort } from "./processes.ts";

// Behind pgbouncer in transaction-pooling mode (product.md §6): many requests of two tenants share two
// server connections, and nothing one transaction set (tenant, role) is seen by the next user of the
// same connection. Debian's pgbouncer (1.18) does not track named prepared statements, so the server
// runs with DATABASE_PREPARED_STATEMENTS=false. PostgreSQL only: the embedded database has no pooler.
jest.setTimeout(120_000);

const PGBOUNCER = process.env.PGBOUNCER_BIN ?? "/usr/sbin/pgbouncer";
const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");

interface Bouncer {
  url(database: string): string;
  stop(): Promise<void>;
}

/** pgbouncer in front of the test database: `app` (pool of 2) and `one` (pool of 1, for the control). */
async function startPgbouncer(database: string): Promise<Bouncer> {
  assert.ok(fs.existsSync(PGBOUNCER), `pgbouncer is needed for this test (apt-get install pgbouncer)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-pgb-"));
  fs.chmodSync(dir, 0o777); // pgbouncer refuses to run as root: it runs as postgres and writes here
  const port = await freePort();
  const server = `host=${pgUrl.hostname} port=${pgUrl.port || 5432} dbname=${database} user=${pgUrl.username || "postgres"}`;
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `app = ${server} pool_size=2`,
      `one = ${server} pool_size=1`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 500",
      `logfile = ${dir}/pgbouncer.log`,
      `pidfile = ${dir}/pgbouncer.pid`,
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  const args =
    process.getuid?.() === 0 ? ["-u", "postgres", `${dir}/pgbouncer.ini`] : [`${dir}/pgbouncer.ini`];
  const child: ChildProcess = spawn(PGBOUNCER, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const probe = net.connect(port, "127.0.0.1", () => {
        probe.end();
        resolve(true);
      });
      probe.on("error", () => resolve(false));
    });
    if (ok) break;
    if (i > 100 || child.exitCode !== null) throw new Error(`pgbouncer did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: (db) => `postgres://${pgUrl.username || "postgres"}@127.0.0.1:${port}/${db}`,
    async stop() {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh pooler connection's view of the per-transaction settings, outside any transaction. */
async function settingsSeenThrough(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      "select coalesce(current_setting('app.tenant_id', true), '') as tenant, current_user as role",
    );
    return rows[0] as { tenant: string; role: string };
  } finally {
    await c.end();
  }
}

(TEST_DB === "postgres" ? describe : describe.skip)("behind pgbouncer (transaction pooling)", () => {
  let tdb: TestDatabase;
  let bouncer: Bouncer;
  let viaBouncer: Database;
  let nest: NestFastifyApplication;
  let app: FastifyInstance;

  beforeAll(async () => {
    tdb = await openTestDatabase(); // migrated directly: migrations take a session lock, not for a pooler
    bouncer = await startPgbouncer(new URL(tdb.env.DATABASE_URL as string).pathname.slice(1));
    const config = loadConfig({
      ...tdb.env,
      DATABASE_URL: bouncer.url("app"),
      DATABASE_PREPARED_STATEMENTS: "false",
    });
    viaBouncer = await openDatabase(config, { migrate: false, poolSize: 16 });
    nest = await createApp(config, viaBouncer);
    app = nest.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    await app.ready();
  });
  afterAll(async () => {
    await nest?.close();
    await viaBouncer?.close();
    await bouncer?.stop();
    await tdb?.close();
  });

  test("two tenants' requests interleaved on two server connections never see each other's data", async () => {
    // makeTenant only needs the Nest services; the app here runs on the pooler.
    const t = { ...tdb, app, nest } as TestApp;
    const tenants = [await makeTenant(t, { license: true }), await makeTenant(t, { license: true })];
    const clients = await Promise.all(
      tenants.map(async (tenant) => {
        const email = `agent@${tenant.slug}.test`;
        await inTenant(tdb.database.dataSource, tenant.id, (em) =>
          nest.get(UsersService).insertUser(em, tenant.id, {
            email,
            name: "Agent",
            password: PASSWORD,
            groups: ["ITSM Agent"],
          }),
        );
        const c = new Client(app);
        const res = await c.signIn(email);
        assert.equal(res.statusCode, 200, res.body);
        return c;
      }),
    );

    const PER_TENANT = 40;
    const created: string[][] = [[], []];
    await Promise.all(
      Array.from({ length: PER_TENANT * 2 }, async (_, i) => {
        const which = i % 2;
        const c = clients[which] as Client;
        const res = await c.post("/api/tickets", {
          title: `Tenant ${which} ticket ${i}`,
          description: "",
          type: "incident",
        });
        assert.equal(res.statusCode, 201, res.body);
        created[which]?.push(res.json().number);
        // Reads in between, on the same two server connections.
        const session = await c.get("/api/session");
        assert.equal(session.statusCode, 200);
        assert.equal(session.json().tenant.id, tenants[which]?.id);
      }),
    );

    for (const which of [0, 1]) {
      const numbers = (created[which] ?? []).map((n) => Number(n.split("-")[1])).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: PER_TENANT }, (_, i) => i + 1),
        "each tenant's numbers are gapless",
      );
      const list = await (clients[which] as Client).get("/api/tickets?limit=100");
      assert.equal(list.statusCode, 200, list.body);
      const titles: string[] = list.json().data.map((x: { title: string }) => x.title);
      assert.equal(titles.length, PER_TENANT);
      assert.ok(
        titles.every((title) => title.startsWith(`Tenant ${which} `)),
        "only its own tickets",
      );
    }

    // The server connections those requests used carry no tenant and no role into the next client.
    for (let i = 0; i < 6; i++) {
      assert.deepEqual(await settingsSeenThrough(bouncer.url("app")), { tenant: "", role: "postgres" });
    }
  });

  test("control: a session-level setting WOULD leak through the pooler (what set_config(…, true) avoids)", async () => {
    const a = new pg.Client({ connectionString: bouncer.url("one") });
    await a.connect();
    await a.query("select set_config('app.tenant_id', '00000000-0000-0000-0000-000000000001', false)");
    await a.end();
    const seen = await settingsSeenThrough(bouncer.url("one"));
    assert.equal(seen.tenant, "00000000-0000-0000-0000-000000000001");
  });
});
