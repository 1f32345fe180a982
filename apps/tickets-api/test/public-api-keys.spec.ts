import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { OperatorsService } from "@uslimato/server-operator";
import { Client, signedIn, startTestApp, type TestApp } from "./helpers.ts";
import { runCli } from "./processes.ts";
import { ApiClient, type Desk, makeDesk } from "./public-api-helpers.ts";

jest.setTimeout(120_000);

/** Settings → API keys, usage metering (tenant admin and operator, JSON and CSV), and the CLI. */
describe("API keys and usage", () => {
  let t: TestApp;
  let d: Desk;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    d = await makeDesk(t);
    admin = await signedIn(t.app, d.tenant.adminEmail);
  });
  afterAll(() => t?.close());

  test("an admin creates a key (the secret is in that answer only), lists it, and revokes it", async () => {
    const owners = await admin.get("/api/api-keys/owners");
    assert.equal(owners.statusCode, 200);
    const agent = owners.json().find((o: { email: string }) => o.email === d.agentEmail);
    assert.ok(agent.permissions.includes("tickets:manage"));

    const created = await admin.post("/api/api-keys", {
      name: "Monitoring",
      scopes: ["tickets:read", "tickets:write"],
      owner_id: agent.id,
      expires_at: "2099-01-01",
    });
    assert.equal(created.statusCode, 201, created.body);
    const key = created.json();
    assert.match(key.secret, new RegExp(`^usk_${d.tenant.id}_[A-Za-z0-9_-]{43}$`));
    assert.equal(key.hint, `usk_…${key.secret.slice(-4)}`);
    assert.equal(key.owner.email, d.agentEmail);
    assert.equal(key.status, "active");
    assert.equal(key.notes.length, 2); // what tickets:read and tickets:write let it do
    assert.equal(new Date(key.expires_at).toISOString(), "2099-01-01T00:00:00.000Z");

    // Stored hashed: the secret appears nowhere in the database nor in the list.
    const rows = await t.database.dataSource.query("select * from api_keys where id = $1", [key.id]);
    assert.ok(!JSON.stringify(rows).includes(key.secret.slice(41)));
    const list = await admin.get("/api/api-keys");
    assert.ok(!list.body.includes(key.secret.slice(41)));
    assert.equal(list.json().find((k: { id: string }) => k.id === key.id).name, "Monitoring");

    const api = new ApiClient(t.app, key.secret);
    assert.equal((await api.get("tickets")).statusCode, 200);
    const revoked = await admin.post(`/api/api-keys/${key.id}/revoke`);
    assert.equal(revoked.statusCode, 200);
    assert.equal(revoked.json().status, "revoked");
    const refused = await api.get("tickets");
    assert.equal(refused.statusCode, 401);
    assert.match(refused.json().detail, /revoked/);
    // Revoking again changes nothing.
    assert.equal(
      (await admin.post(`/api/api-keys/${key.id}/revoke`)).json().revoked_at,
      revoked.json().revoked_at,
    );
  });

  test("a key owned by an administrator who is not an agent acts for the service desk, with notes saying what it can do", async () => {
    const res = await admin.post("/api/api-keys", {
      name: "Mine",
      scopes: ["tickets:read", "tickets:write"],
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().owner.email, d.tenant.adminEmail);
    assert.equal(res.json().notes.length, 2);
    assert.match(res.json().notes.join(" "), /as an agent/);
  });

  test("bad input: unknown scopes and fields, a past expiry, another tenant's user or key → 4xx, nothing stored", async () => {
    const other = await makeDesk(t);
    const otherAdmin = await signedIn(t.app, other.tenant.adminEmail);
    const foreignOwner = (await otherAdmin.get("/api/api-keys/owners")).json()[0].id;
    const foreignKey = (
      await otherAdmin.post("/api/api-keys", { name: "Theirs", scopes: ["tickets:read"] })
    ).json();
    const count = async () =>
      Number((await t.database.dataSource.query("select count(*) n from api_keys"))[0].n);
    const before = await count();
    const cases: [unknown, number, string][] = [
      [{ name: "x", scopes: ["tickets:delete"] }, 422, "scopes.0"],
      [{ name: "x", scopes: [] }, 422, "scopes"],
      [{ name: "", scopes: ["tickets:read"] }, 422, "name"],
      [{ name: "x", scopes: ["tickets:read"], secret: "mine" }, 422, "secret"],
      [{ name: "x", scopes: ["tickets:read"], expires_at: "2001-01-01" }, 422, "expires_at"],
      [{ name: "x", scopes: ["tickets:read"], owner_id: foreignOwner }, 422, "owner_id"],
    ];
    for (const [body, status, field] of cases) {
      const res = await admin.post("/api/api-keys", body);
      assert.equal(res.statusCode, status, res.body);
      assert.ok(
        res.json().errors.some((e: { field: string }) => e.field === field),
        `${JSON.stringify(body)}: ${res.body}`,
      );
    }
    assert.equal((await admin.post(`/api/api-keys/${foreignKey.id}/revoke`)).statusCode, 404);
    assert.equal(await count(), before);
    assert.ok(!(await admin.get("/api/api-keys")).body.includes(foreignKey.id));
  });

  test("Settings → API keys needs settings:manage", async () => {
    const agent = await signedIn(t.app, d.agentEmail);
    for (const [method, url] of [
      ["GET", "/api/api-keys"],
      ["POST", "/api/api-keys"],
      ["GET", "/api/api-keys/usage"],
      ["GET", "/api/api-keys/usage.csv"],
    ] as const) {
      const res = await agent.request(
        method,
        url,
        method === "POST" ? { name: "x", scopes: ["tickets:read"] } : undefined,
      );
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.match(res.json().detail, /settings:manage/);
    }
    assert.equal((await new Client(t.app).get("/api/api-keys")).statusCode, 401);
  });

  test("usage: every request counted per key per day and status class, for the admin and the operator, as CSV too", async () => {
    const secret = await d.key(d.agentEmail, ["tickets:read"]);
    const api = new ApiClient(t.app, secret);
    for (let i = 0; i < 3; i++) assert.equal((await api.get("tickets")).statusCode, 200);
    assert.equal((await api.get("tickets/TKT-999999")).statusCode, 404);
    assert.equal((await api.post("tickets", { title: "x" })).statusCode, 403); // no tickets:write
    const keys = (await admin.get("/api/api-keys")).json();
    const mine = keys.find((k: { hint: string }) => k.hint === `usk_…${secret.slice(-4)}`);
    assert.deepEqual(mine.usage.today, { requests: 5, status_2xx: 3, status_4xx: 2, status_5xx: 0 });
    assert.deepEqual(mine.usage.last_30_days, mine.usage.today);
    assert.ok(Date.now() - new Date(mine.last_used_at).getTime() < 60_000);

    const today = new Date().toISOString().slice(0, 10);
    const usage = (await admin.get("/api/api-keys/usage?days=7")).json();
    assert.deepEqual(
      usage.find((r: { key_id: string }) => r.key_id === mine.id),
      {
        day: today,
        key_id: mine.id,
        key_name: mine.name,
        requests: 5,
        status_2xx: 3,
        status_4xx: 2,
        status_5xx: 0,
      },
    );
    const csv = await admin.get("/api/api-keys/usage.csv");
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.match(String(csv.headers["content-disposition"]), /attachment/);
    const lines = csv.body.trim().split("\r\n");
    assert.equal(lines[0], "day,key_id,key_name,requests,status_2xx,status_4xx,status_5xx");
    assert.ok(lines.includes(`${today},${mine.id},${mine.name},5,3,2,0`), csv.body);
    assert.equal((await admin.get("/api/api-keys/usage?days=0")).statusCode, 422);

    // The operator sees every tenant's usage.
    await t.nest.get(OperatorsService).ensureOperator("ops@uslimato.test", "operator pass phrase 42");
    const op = new Client(t.app);
    const signIn = await op.request("POST", "/api/operator/sign-in", {
      email: "ops@uslimato.test",
      password: "operator pass phrase 42",
    });
    op.cookie = `uslimato_operator=${signIn.cookies.find((c) => c.name === "uslimato_operator")?.value}`;
    op.csrf = signIn.json().csrfToken;
    const all = (await op.get("/api/operator/api-usage")).json();
    assert.deepEqual(
      all.find((r: { key_id: string }) => r.key_id === mine.id),
      {
        day: today,
        tenant_slug: d.tenant.slug,
        key_id: mine.id,
        key_name: mine.name,
        requests: 5,
        status_2xx: 3,
        status_4xx: 2,
        status_5xx: 0,
      },
    );
    const opCsv = await op.get("/api/operator/api-usage.csv");
    assert.ok(opCsv.body.includes(`${today},${d.tenant.slug},${mine.id},`), opCsv.body);
    // Tenant users never reach it.
    assert.equal((await admin.get("/api/operator/api-usage")).statusCode, 401);
  });

  test("CLI: apikey create prints the key alone on the last line; it works; bad input is one line and exit 1", async () => {
    const res = await runCli(
      [
        "apikey",
        "create",
        "--tenant",
        d.tenant.slug,
        "--owner",
        d.agentEmail,
        "--scopes",
        "tickets:read,tickets:write",
        "--name",
        "From CLI",
        "--expires",
        "2099-12-31",
      ],
      t.env,
    );
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout.trim().split("\n");
    const secret = lines.at(-1) as string;
    assert.match(secret, /^usk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    assert.match(lines[0] as string, /From CLI/);
    const api = new ApiClient(t.app, secret);
    const created = await api.post("tickets", { title: "Via CLI key", description: "", type: "incident" });
    assert.equal(created.statusCode, 201, created.body);
    for (const args of [
      ["--owner", "ghost@x.test", "--scopes", "tickets:read"],
      ["--owner", d.agentEmail, "--scopes", "tickets:fly"],
      ["--owner", d.agentEmail, "--scopes", "tickets:read", "--expires", "soon"],
      ["--owner", d.agentEmail],
    ]) {
      const bad = await runCli(["apikey", "create", "--tenant", d.tenant.slug, ...args], t.env);
      assert.equal(bad.code, 1, bad.stdout);
      assert.equal(bad.stdout, "");
      assert.match(bad.stderr, /^error: .+\n$/);
    }
  });

  test("a key whose owner was deactivated answers 401; reactivated, it works again", async () => {
    const secret = await d.key(d.triageEmail, ["tickets:read"]);
    const api = new ApiClient(t.app, secret);
    assert.equal((await api.get("tickets")).statusCode, 200);
    const rows: { id: string }[] = await t.database.dataSource.query(
      "select id from users where lower(email) = $1",
      [d.triageEmail],
    );
    assert.equal((await admin.patch(`/api/users/${rows[0]?.id}`, { active: false })).statusCode, 200);
    assert.equal((await api.get("tickets")).statusCode, 401);
    assert.equal((await admin.patch(`/api/users/${rows[0]?.id}`, { active: true })).statusCode, 200);
    assert.equal((await api.get("tickets")).statusCode, 200);
  });
});
