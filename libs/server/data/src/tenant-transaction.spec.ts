import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { loadConfig } from "@uslimato/server-core";
import pg from "pg";
import { type Database, openDatabase } from "./database.ts";
import { inTenant, inTenantStatement } from "./tenant-transaction.ts";

jest.setTimeout(120_000);

// TEST_DB=postgres: a fresh database on TEST_DATABASE_URL's server; else the embedded one in memory.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const COUNTER = `insert into itsm_settings (tenant_id, last_ticket_number) values ($1, 1)
  on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1
  returning last_ticket_number`;

describe("inTenantStatement: one statement in its own tenant transaction, one round trip", () => {
  let dir: string;
  let database: Database;
  let dropDatabase = async () => {};
  let a: string;
  let b: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-tx-"));
    if (process.env.TEST_DB === "postgres") {
      const name = `usl_test_tx_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      database = await openDatabase(loadConfig({ DATABASE_URL: url.toString(), DATA_DIR: dir }), {
        poolSize: 4,
      });
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    } else {
      database = await openDatabase(loadConfig({ DATA_DIR: dir }), { inMemorySocketDir: dir, poolSize: 4 });
    }
    const ds = database.dataSource;
    a = (await ds.query("insert into tenants (slug, name) values ('tx-a', 'A') returning id"))[0].id;
    b = (await ds.query("insert into tenants (slug, name) values ('tx-b', 'B') returning id"))[0].id;
  });

  afterAll(async () => {
    await database?.close();
    await dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const counter = (tenantId: string) =>
    inTenantStatement<{ n: number }>(
      database.dataSource,
      tenantId,
      "select last_ticket_number as n from itsm_settings",
      [],
      { readOnly: true },
    );

  test("runs as the app role, scoped to the tenant, and returns the statement's rows", async () => {
    const [row] = await inTenantStatement<{ role: string; tenant: string }>(
      database.dataSource,
      a,
      "select current_user as role, current_setting('app.tenant_id') as tenant",
      [],
    );
    assert.deepEqual(row, { role: "uslimato_app", tenant: a });
    assert.deepEqual(await inTenantStatement(database.dataSource, a, COUNTER, [a]), [
      { last_ticket_number: 1 },
    ]);
    assert.deepEqual(await counter(b), [], "the other tenant's rows are not visible (there are none yet)");
  });

  test("a failing statement throws its error and leaves nothing; the connections stay usable", async () => {
    const before = await counter(a);
    const ticketWithUnknownReporter = `with c as (${COUNTER})
      insert into tickets (tenant_id, number, prefix, type, title, description, reporter_id)
      select $1, last_ticket_number, 'TKT', 'incident', 'T', '', $2 from c`;
    await assert.rejects(
      inTenantStatement(database.dataSource, a, ticketWithUnknownReporter, [
        a,
        "0190a5c8-0000-7000-8000-000000000000",
      ]),
      /foreign key/,
    );
    assert.deepEqual(await counter(a), before, "the counter update was rolled back with it");
    await assert.rejects(inTenantStatement(database.dataSource, a, COUNTER, [b]), /row-level security/);
    await assert.rejects(
      inTenantStatement(database.dataSource, a, COUNTER, [a], { readOnly: true }),
      /read-only/,
    );
    for (let i = 0; i < 8; i++) {
      // More than the pool holds: none of them was left inside a (failed) transaction.
      assert.deepEqual(await database.dataSource.query("select 1 as one"), [{ one: 1 }]);
    }
    assert.deepEqual(await inTenant(database.dataSource, a, (em) => em.query("select 1 as one")), [
      { one: 1 },
    ]);
  });

  test("concurrent writes on one counter row stay gapless", async () => {
    const [{ n }] = (await counter(a)) as [{ n: number }];
    const numbers = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const [row] = await inTenantStatement<{ last_ticket_number: number }>(
          database.dataSource,
          a,
          COUNTER,
          [a],
        );
        return row?.last_ticket_number;
      }),
    );
    assert.deepEqual(
      numbers.sort((x, y) => (x ?? 0) - (y ?? 0)),
      Array.from({ length: 30 }, (_, i) => n + i + 1),
    );
  });

  test("a named prepared statement (PostgreSQL) is planned once per connection and runs again", async () => {
    if (database.mode !== "postgres") return; // the embedded database is one shared session: never named
    const [{ n }] = (await counter(a)) as [{ n: number }];
    for (let i = 1; i <= 10; i++) {
      const rows = await inTenantStatement(database.dataSource, a, COUNTER, [a], {
        prepareAs: "test_counter",
      });
      assert.deepEqual(rows, [{ last_ticket_number: n + i }]);
    }
    await assert.rejects(
      inTenantStatement(database.dataSource, a, COUNTER, [b], { prepareAs: "test_counter" }),
      /row-level security/,
    );
  });

  test("refuses a tenant id that is not a UUID before any SQL", async () => {
    await assert.rejects(inTenantStatement(database.dataSource, "nope", "select 1", []), /not a tenant id/);
  });
});
