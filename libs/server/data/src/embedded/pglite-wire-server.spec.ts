import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, test } from "@jest/globals";
import pg from "pg";
import { PGliteWireServer } from "./pglite-wire-server.ts";

// The embedded database's wire server, with many pg connections at once: statements and transactions
// of different connections must never interleave (pglite-socket's per-message queue let one client's
// Bind run another client's Parse).
let dir: string;
let db: PGlite;
let server: PGliteWireServer;
let pool: pg.Pool;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-wire-"));
  db = await PGlite.create();
  server = new PGliteWireServer({ db, path: path.join(dir, ".s.PGSQL.5432") });
  await server.start();
  pool = new pg.Pool({ host: dir, user: "postgres", database: "postgres", max: 10 });
  await pool.query("create table t (id int primary key, v text)");
});
afterAll(async () => {
  await pool.end();
  await server.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("parameterised statements from 10 connections at once each get their own answer", async () => {
  const results = await Promise.all(
    Array.from({ length: 400 }, (_, i) =>
      pool.query<{ n: number; s: string }>("select $1::int as n, $2::text as s", [i, `v${i}`]),
    ),
  );
  for (const [i, r] of results.entries()) assert.deepEqual(r.rows[0], { n: i, s: `v${i}` });
});

test("transactions of different connections stay apart; a rollback undoes only its own", async () => {
  await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const c = await pool.connect();
      try {
        await c.query("begin");
        await c.query("insert into t values ($1, $2)", [i, `row ${i}`]);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        await c.query(i % 2 ? "rollback" : "commit");
      } finally {
        c.release();
      }
    }),
  );
  const { rows } = await pool.query<{ id: number }>("select id from t order by id");
  assert.deepEqual(
    rows.map((r) => r.id),
    Array.from({ length: 20 }, (_, i) => i * 2),
  );
});

test("a client that disconnects inside a transaction is rolled back and frees the database", async () => {
  const c = new pg.Client({ host: dir, user: "postgres", database: "postgres" });
  await c.connect();
  await c.query("begin");
  await c.query("insert into t values (1000, 'abandoned')");
  await c.end();
  const { rows } = await pool.query("select count(*)::int as n from t where id = 1000");
  assert.equal(rows[0].n, 0);
});
