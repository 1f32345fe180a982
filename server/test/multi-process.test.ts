import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inTenant } from "../src/db/database.ts";
import { insertUser } from "../src/modules/access/users.ts";
import { makeTenant, openTestDatabase, PASSWORD, type TestDatabase } from "./helpers.ts";
import { type ServerProcess, startServerProcess } from "./servers.ts";

// Two real server processes on one database (PostgreSQL, or in embedded mode the second process
// connects to the first's database socket): ticket numbers stay gapless and unique.
let t: TestDatabase;
let servers: ServerProcess[] = [];
before(async () => {
  t = await openTestDatabase();
  servers = [await startServerProcess(t.env), await startServerProcess(t.env)];
});
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await t.close();
});

test("200 tickets created in parallel through two server processes are numbered 1..200", async () => {
  const tenant = await makeTenant(t, { license: true });
  await inTenant(t.database.db, tenant.id, (tx) =>
    insertUser(tx, tenant.id, {
      email: "agent@x.test",
      name: "Agent",
      password: PASSWORD,
      groups: ["ITSM Agent"],
    }),
  );
  const signIn = await fetch(`${servers[0]?.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "agent@x.test", password: PASSWORD }),
  });
  assert.equal(signIn.status, 200);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };

  const numbers: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < 200) {
      const i = next++;
      const server = servers[i % 2] as ServerProcess;
      const res = await fetch(`${server.url}/api/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
        body: JSON.stringify({ title: `Parallel ${i}`, description: "", type: "incident" }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      numbers.push(((await res.json()) as { number: string }).number);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  assert.equal(numbers.length, 200);
  assert.deepEqual(
    [...numbers].sort(),
    Array.from({ length: 200 }, (_, i) => `TKT-${String(i + 1).padStart(6, "0")}`),
  );
});
