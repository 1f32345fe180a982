import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { durabilityStats, durableStartParams, openDurablePGlite, syncTree } from "./durability.ts";

// Opening PGlite on disk takes a few seconds when the unit projects run in parallel on a small machine.
jest.setTimeout(60_000);

describe("embedded durability: a commit reaches the disk before it returns", () => {
  let dir: string;
  let db: PGlite;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-durable-"));
    db = await openDurablePGlite(path.join(dir, "pgdata"));
    await db.exec("create table t (id serial primary key, v text)");
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("PostgreSQL runs with fsync on and a WAL sync method that reaches the disk", async () => {
    assert.ok(!durableStartParams().includes("-F"), "no 'fsync off' flag");
    const { rows } = await db.query<Record<string, string>>(
      `select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync_commit,
              current_setting('wal_sync_method') as method, current_setting('full_page_writes') as fpw`,
    );
    assert.deepEqual(rows[0], { fsync: "on", sync_commit: "on", method: "fsync", fpw: "on" });
  });

  test("each committed write issues an fsync; reads issue none", async () => {
    let before = durabilityStats.fsyncs;
    await db.query("insert into t (v) values ($1)", ["one"]);
    assert.equal(durabilityStats.fsyncs - before, 1, "autocommit insert: one WAL fsync");

    before = durabilityStats.fsyncs;
    await db.transaction(async (tx) => {
      await tx.query("insert into t (v) values ('two')");
      await tx.query("insert into t (v) values ('three')");
    });
    assert.equal(durabilityStats.fsyncs - before, 1, "a transaction: one fsync at COMMIT");

    before = durabilityStats.fsyncs;
    for (let i = 0; i < 5; i++) await db.query("select count(*) from t");
    assert.equal(durabilityStats.fsyncs - before, 0, "read-only work writes no WAL");
  });

  test("a checkpoint flushes the data files", async () => {
    const before = durabilityStats.fsyncs;
    await db.exec("checkpoint");
    assert.ok(durabilityStats.fsyncs - before > 1, `${durabilityStats.fsyncs - before} fsyncs`);
  });

  test("syncTree flushes every file and directory below a path", () => {
    const root = path.join(dir, "tree");
    fs.mkdirSync(path.join(root, "a", "b"), { recursive: true });
    fs.writeFileSync(path.join(root, "a", "f1"), "1");
    fs.writeFileSync(path.join(root, "a", "b", "f2"), "2");
    assert.equal(syncTree(root), 5); // 2 files + 3 directories
  });
});
