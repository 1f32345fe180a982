import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { lockHolder } from "@uslimato/server-data";
import { PASSWORD, TEST_DB } from "./helpers.ts";
import { HttpClient, runCli, type ServerProcess, startServer } from "./processes.ts";

// Several server starts (each recovering the embedded database) per test.
jest.setTimeout(180_000);

/** node:test's t.diagnostic(): the measurements, printed for whoever reads the test log. */
const diagnostic = (message: string) => console.log(message);

/**
 * The embedded database on disk survives restarts: a clean one (SIGTERM) and a crash (SIGKILL right
 * after the 201). The server commits before it answers and PostgreSQL (inside PGlite) writes and fsyncs
 * its WAL at commit, so an acknowledged write must never be lost to a killed process.
 * Embedded mode only: PostgreSQL's own durability is not ours to test.
 */
(TEST_DB === "postgres" ? describe.skip : describe)(
  "embedded database: data survives restarts and kill -9",
  () => {
    let dir: string;
    let env: Record<string, string>;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-persist-"));
      env = { DATA_DIR: dir, DATABASE_URL: "" };
      const res = await runCli(
        [
          "tenant",
          "create",
          "--slug",
          "durable",
          "--name",
          "Durable",
          "--admin-email",
          "a@durable.test",
          "--admin-password",
          PASSWORD,
        ],
        env,
      );
      assert.equal(res.code, 0, res.stderr);
    });
    afterAll(async () => {
      await server?.stop("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function admin(): Promise<HttpClient> {
      server = await startServer(env);
      const client = new HttpClient(server.url);
      await client.signIn("a@durable.test", PASSWORD);
      return client;
    }
    const emails = async (client: HttpClient) =>
      ((await client.request("GET", "/api/users")).json as { email: string }[]).map((u) => u.email);

    test("a user created just before kill -9 is there after the restart, and can sign in", async () => {
      let client = await admin();
      const created = await client.request("POST", "/api/users", {
        email: "k@durable.test",
        name: "K",
        password: PASSWORD,
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      const acknowledgedAt = performance.now();
      const killed = (server as ServerProcess).stop("SIGKILL");
      const delay = performance.now() - acknowledgedAt;
      assert.equal(await killed, null, "killed, not exited");
      diagnostic(`SIGKILL sent ${delay.toFixed(2)} ms after the 201 arrived`);
      assert.ok(fs.existsSync(path.join(dir, "host.lock")), "a crash leaves its lock file behind");

      const restartedAt = Date.now();
      client = await admin(); // takes the dead process's lock over and recovers from the WAL
      diagnostic(`restart after the crash: ${Date.now() - restartedAt} ms`);
      assert.ok((await emails(client)).includes("k@durable.test"), "the 201 survived kill -9");
      const k = new HttpClient((server as ServerProcess).url);
      await k.signIn("k@durable.test", PASSWORD);
      await (server as ServerProcess).stop("SIGTERM");
    });

    test("every acknowledged write of a burst survives a kill -9 in the middle of it", async () => {
      const client = await admin();
      const acknowledged: string[] = [];
      let killed: Promise<number | null> | undefined;
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const name = `Burst ${i}`;
          try {
            const res = await client.request("POST", "/api/groups", { name, permissions: ["assets:read"] });
            if (res.status === 201) acknowledged.push(name);
            if (acknowledged.length === 15) killed ??= (server as ServerProcess).stop("SIGKILL");
          } catch {
            // the connection died with the server: not acknowledged
          }
        }),
      );
      await killed;
      diagnostic(`${acknowledged.length} of 40 creations acknowledged before the kill`);
      assert.ok(acknowledged.length >= 15);

      const after = await admin();
      const groups = (
        (await after.request("GET", "/api/groups")).json as { name: string; permissions: string[] }[]
      ).filter((g) => g.name.startsWith("Burst "));
      const names = new Set(groups.map((g) => g.name));
      const lost = acknowledged.filter((n) => !names.has(n));
      diagnostic(`after restart: ${names.size} burst groups present, ${lost.length} acknowledged ones lost`);
      assert.deepEqual(lost, [], "no acknowledged write is lost");
      // Whatever got in is whole: each group has its permission row (same transaction).
      for (const g of groups) assert.deepEqual(g.permissions, ["assets:read"], g.name);
      await (server as ServerProcess).stop("SIGTERM");
    });

    test("a clean restart (SIGTERM) exits 0, releases the lock and keeps everything", async () => {
      let client = await admin();
      await client.request("POST", "/api/users", { email: "t@durable.test", name: "T", password: PASSWORD });
      assert.equal(await (server as ServerProcess).stop("SIGTERM"), 0, (server as ServerProcess).output());
      assert.equal(fs.existsSync(path.join(dir, "host.lock")), false, "the lock file is removed");
      assert.equal(lockHolder(dir), null);
      client = await admin();
      const all = await emails(client);
      for (const email of ["a@durable.test", "k@durable.test", "t@durable.test"])
        assert.ok(all.includes(email), email);
      await (server as ServerProcess).stop("SIGTERM");
    });
  },
);
