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
}, 60_000); // starting PGlite takes seconds on a busy machine
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

// LISTEN/NOTIFY: PGlite is one session and emits a notification in the output of the client that
// commits the NOTIFY; the wire server must hand it to the clients that LISTEN (BullMQ's workers wake on it).
test("a notification reaches the clients listening on its channel, and only them", async () => {
  const connect = async () => {
    const c = new pg.Client({ host: dir, user: "postgres", database: "postgres" });
    await c.connect();
    const got: string[] = [];
    c.on("notification", (n) => got.push(`${n.channel}:${n.payload}`));
    return { c, got };
  };
  const a = await connect();
  const b = await connect();
  const sender = await connect();
  const settle = () => pool.query("select 1"); // a round trip after the NOTIFY's own
  try {
    await a.c.query("LISTEN jobs");
    await b.c.query('-- a comment first, as BullMQ sends it\nLISTEN "Other"');
    await sender.c.query("begin");
    await sender.c.query("select pg_notify('jobs', 'one')");
    await sender.c.query("NOTIFY \"Other\", 'two'");
    assert.deepEqual(a.got, [], "nothing before the commit");
    await sender.c.query("commit");
    await settle();
    assert.deepEqual(a.got, ["jobs:one"]);
    assert.deepEqual(b.got, ["Other:two"]);
    assert.deepEqual(sender.got, [], "the committing client does not listen");

    // One client's UNLISTEN leaves the others listening (PGlite's session is re-LISTENed).
    await b.c.query("LISTEN jobs");
    await b.c.query("UNLISTEN jobs");
    await sender.c.query("select pg_notify('jobs', 'three')");
    await settle();
    assert.deepEqual(a.got, ["jobs:one", "jobs:three"]);
    assert.deepEqual(b.got, ["Other:two"]);

    // A client listening on its own NOTIFY gets it in its own stream.
    await a.c.query("select pg_notify('jobs', 'four')");
    assert.deepEqual(a.got, ["jobs:one", "jobs:three", "jobs:four"]);

    // Closing the listeners leaves PGlite listening on nothing.
    await a.c.end();
    await b.c.end();
    const listening = async () => (await pool.query("select pg_listening_channels() as c")).rows;
    for (let i = 0; i < 100 && (await listening()).length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await listening(), []);
  } finally {
    for (const x of [a, b, sender]) await x.c.end().catch(() => {});
  }
});
