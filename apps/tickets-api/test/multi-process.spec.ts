import assert from "node:assert/strict";
import { afterAll, beforeAll, jest, test } from "@jest/globals";
import { UsersService } from "@uslimato/server-access";
import { inTenant } from "@uslimato/server-data";
import { makeTenant, PASSWORD, startTestApp, type TestApp } from "./helpers.ts";
import { type ServerProcess, startServer } from "./processes.ts";

// Two server processes to start and 200 requests through them.
jest.setTimeout(180_000);

// Two real server processes on one database (PostgreSQL, or in embedded mode the socket of the
// database this test process serves, as a running server serves it to the CLI): ticket numbers stay
// gapless and unique.
let t: TestApp;
let servers: ServerProcess[] = [];
beforeAll(async () => {
  t = await startTestApp();
  servers = [await startServer(t.env), await startServer(t.env)];
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await t?.close();
});

test("200 tickets created in parallel through two server processes are numbered 1..200", async () => {
  const tenant = await makeTenant(t, { license: true });
  await inTenant(t.database.dataSource, tenant.id, (em) =>
    t.nest.get(UsersService).insertUser(em, tenant.id, {
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
