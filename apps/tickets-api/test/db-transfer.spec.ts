import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { UsersService } from "@uslimato/server-access";
import { inTenant } from "@uslimato/server-data";
import { ApiKeysService } from "@uslimato/server-public-api";
import pg from "pg";
import { makeTenant, PASSWORD, signedIn, startTestApp, type TestApp } from "./helpers.ts";
import { runCli } from "./processes.ts";

// Moving a whole database (issue 11: embedded → PostgreSQL): `uslimato db export` on the test database
// (embedded or PostgreSQL, per TEST_DB), `uslimato db import` into a new database on the PostgreSQL
// server; every table arrives row for row.
jest.setTimeout(180_000);

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

/** Per table: its row count and a digest of its rows (as JSON, in UTC, sorted). */
const DIGEST_SQL = `
  select table_name as table,
         (xpath('/row/c/text()', query_to_xml(format(
           'select count(*) || '':'' || md5(coalesce(string_agg(r, ''|'' order by r), '''')) as c
              from (select row_to_json(t)::text as r from %I t) x', table_name), false, true, '')))[1]::text as digest
    from information_schema.tables
   where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'migrations'
   order by table_name`;

describe("db export / db import", () => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-export-"));
  const target = `usl_test_import_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const targetUrl = (() => {
    const u = new URL(ADMIN_URL);
    u.pathname = `/${target}`;
    return u.toString();
  })();

  beforeAll(async () => {
    t = await startTestApp();
    await adminQuery(`create database ${target}`);
  });
  afterAll(async () => {
    await t?.close();
    await adminQuery(`drop database if exists ${target} with (force)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function populatedTenant() {
    const tenant = await makeTenant(t, { license: true });
    const agentEmail = `agent@${tenant.slug}.test`;
    await inTenant(t.database.dataSource, tenant.id, (em) =>
      t.nest.get(UsersService).insertUser(em, tenant.id, {
        email: agentEmail,
        name: "Agent",
        password: PASSWORD,
        groups: ["ITSM Agent"],
      }),
    );
    const agent = await signedIn(t.app, agentEmail);
    const me = (await agent.get("/api/session")).json().user.id as string;
    for (let i = 0; i < 12; i++) {
      const created = await agent.post("/api/tickets", {
        title: `Printer ${i} jams`,
        description: `Paper tray ${i}, "quoted" and ünïcödé`,
        type: i % 2 ? "incident" : "service_request",
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      if (i % 3 === 0) {
        assert.equal((await agent.patch(`/api/tickets/${id}`, { assignee_id: me })).statusCode, 200);
        const note = await agent.post(`/api/tickets/${id}/comments`, {
          body: "Looked at it",
          visibility: "internal",
        });
        assert.equal(note.statusCode, 201, note.body);
        const reply = await agent.post(`/api/tickets/${id}/comments`, {
          body: "On it",
          visibility: "external",
        });
        assert.equal(reply.statusCode, 201, reply.body);
      }
    }
    await t.nest.get(ApiKeysService).createApiKey(tenant.id, {
      name: "Integration",
      ownerEmail: tenant.adminEmail,
      scopes: ["tickets:read"],
      createdBy: null,
    });
    return tenant;
  }

  test("every row of every table arrives; the imported database serves the same tenants", async () => {
    await populatedTenant();
    await populatedTenant();
    const file = path.join(dir, "export.jsonl.gz");

    const exported = await runCli(["db", "export", "--file", file], t.env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^exported \d+ rows of \d+ tables to /);

    const importEnv = { ...t.env, DATABASE_URL: targetUrl };
    const imported = await runCli(["db", "import", "--file", file], importEnv);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^imported \d+ rows of \d+ tables from /);

    await t.database.dataSource.query("set timezone = 'UTC'");
    const source: { table: string; digest: string }[] = await t.database.dataSource.query(DIGEST_SQL);
    const c = new pg.Client({ connectionString: targetUrl });
    await c.connect();
    try {
      await c.query("set timezone = 'UTC'");
      const { rows } = await c.query(DIGEST_SQL);
      assert.deepEqual(rows, source);
      const counts = Object.fromEntries(source.map((r) => [r.table, Number(r.digest.split(":")[0])]));
      for (const table of ["tenants", "users", "tickets", "ticket_history", "ticket_comments", "api_keys"]) {
        assert.ok((counts[table] ?? 0) > 0, `${table} has rows to compare`);
      }
    } finally {
      await c.end();
    }

    // Importing again into a database that has tenants is refused, and changes nothing there.
    const again = await runCli(["db", "import", "--file", file], importEnv);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^error: The target database already has \d+ tenant\(s\)/);
  });

  test("a file that is not an export is refused with one line", async () => {
    const file = path.join(dir, "not-an-export.gz");
    fs.writeFileSync(file, "hello");
    const res = await runCli(["db", "import", "--file", file], { ...t.env, DATABASE_URL: targetUrl });
    assert.equal(res.code, 1);
    assert.match(res.stderr, /^error: .*not an Uslimato export/);
  });
});
