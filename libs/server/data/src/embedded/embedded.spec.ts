import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, jest, test } from "@jest/globals";
import { isServing, lockHolder, startEmbeddedHost } from "./embedded.ts";

// Starting PGlite takes a few seconds when the unit projects run in parallel on a small machine.
jest.setTimeout(60_000);

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("the embedded database's host lock", () => {
  let dir: string;
  let lock: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-lock-"));
    lock = path.join(dir, "host.lock");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a live holder keeps the files: nobody else opens them", async () => {
    fs.writeFileSync(lock, `${process.ppid} exclusive`);
    assert.deepEqual(lockHolder(dir), { pid: process.ppid, kind: "exclusive" });
    assert.equal(await startEmbeddedHost(null, dir), null);
    assert.equal(
      fs.readFileSync(lock, "utf8"),
      `${process.ppid} exclusive`,
      "the holder's lock is untouched",
    );
  });

  test("a lock written by an older version (pid only) counts as a shared host", () => {
    fs.writeFileSync(lock, String(process.ppid));
    assert.deepEqual(lockHolder(dir), { pid: process.ppid, kind: "shared" });
  });

  test("a lock left by a dead process is taken over, served, and released on stop", async () => {
    fs.writeFileSync(lock, `${deadPid()} shared`);
    assert.equal(lockHolder(dir), null, "a dead holder holds nothing");
    const host = await startEmbeddedHost(null, dir, "exclusive");
    assert.ok(host);
    assert.equal(fs.readFileSync(lock, "utf8"), `${process.pid} exclusive`);
    assert.equal(await isServing(dir), true);
    await host.stop();
    assert.equal(fs.existsSync(lock), false);
    assert.equal(await isServing(dir), false);
    assert.deepEqual(
      // Array.from: node's array comes from outside jest's sandbox, and deepEqual compares prototypes.
      Array.from(fs.readdirSync(dir).filter((f) => f.startsWith("host.lock"))),
      [],
      "no lock file set aside is left",
    );
  });
});
