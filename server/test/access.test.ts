import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, makeTenant, PASSWORD, signedIn, snapshot, startTestApp, type TestApp } from "./helpers.ts";

describe("sign-in, users, groups and the agent quota", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test("sign-in sets an HTTP-only SameSite cookie and /api/session reports permissions and features", async () => {
    const tenant = await makeTenant(t, { license: true });
    const client = new Client(t.app);
    const res = await client.signIn(tenant.adminEmail);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === "uslimato_session");
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, "Lax");
    const session = (await client.get("/api/session")).json();
    assert.deepEqual(session.permissions, [
      "assets:manage",
      "assets:read",
      "settings:manage",
      "users:manage",
    ]);
    assert.equal(session.features.agent_portal, true);
  });

  test("a wrong password is refused, and repeated failures are slowed down with 429 and Retry-After", async () => {
    const tenant = await makeTenant(t);
    const client = new Client(t.app);
    for (let i = 0; i < 5; i++)
      assert.equal((await client.signIn(tenant.adminEmail, "wrong password!!")).statusCode, 401);
    const res = await client.signIn(tenant.adminEmail, PASSWORD);
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers["retry-after"]) > 0);
    assert.match(res.json().detail, /Too many failed sign-ins/);
  });

  test("writes without the CSRF token are refused", async () => {
    const tenant = await makeTenant(t);
    const client = await signedIn(t.app, tenant.adminEmail);
    const res = await client.request(
      "POST",
      "/api/groups",
      { name: "X", permissions: [] },
      { "x-csrf-token": "nope" },
    );
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8");
  });

  test("the (max_agents+1)-th agent is refused and nothing changes", async () => {
    const tenant = await makeTenant(t, { license: { maxAgents: 1 } });
    const admin = await signedIn(t.app, tenant.adminEmail);
    const u1 = (
      await admin.post("/api/users", { email: "a1@x.test", name: "A1", password: PASSWORD })
    ).json();
    const u2 = (
      await admin.post("/api/users", { email: "a2@x.test", name: "A2", password: PASSWORD })
    ).json();
    const groups = (await admin.get("/api/groups")).json();
    const agentGroup = groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent");
    assert.equal((await admin.put(`/api/groups/${agentGroup.id}/members/${u1.id}`)).statusCode, 200);
    const before = await snapshot(t, ["group_members", "group_permissions"]);
    const res = await admin.put(`/api/groups/${agentGroup.id}/members/${u2.id}`);
    assert.equal(res.statusCode, 409);
    assert.match(res.json().detail, /allows 1/);
    // Granting tickets:manage to a group that has members is the other way in: refused too.
    const custom = (await admin.post("/api/groups", { name: "Helpers", permissions: [] })).json();
    await admin.put(`/api/groups/${custom.id}/members/${u2.id}`);
    const before2 = await snapshot(t, ["group_members", "group_permissions"]);
    const grant = await admin.patch(`/api/groups/${custom.id}`, { permissions: ["tickets:manage"] });
    assert.equal(grant.statusCode, 409);
    assert.deepEqual(await snapshot(t, ["group_members", "group_permissions"]), before2);
    assert.notDeepEqual(before, before2);
  });

  test("a permission removed is gone on the very next request", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const user = (
      await admin.post("/api/users", { email: "m@x.test", name: "M", password: PASSWORD })
    ).json();
    const group = (
      await admin.post("/api/groups", { name: "User managers", permissions: ["users:manage"] })
    ).json();
    await admin.put(`/api/groups/${group.id}/members/${user.id}`);
    const member = await signedIn(t.app, "m@x.test");
    assert.equal((await member.get("/api/users")).statusCode, 200);
    await admin.patch(`/api/groups/${group.id}`, { permissions: [] });
    assert.equal((await member.get("/api/users")).statusCode, 403);
  });

  test("bad input gets a problem naming the field and changes nothing", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const before = await snapshot(t, ["users", "groups", "group_permissions"]);
    const cases: [string, string, unknown, number, RegExp][] = [
      [
        "POST",
        "/api/users",
        { email: tenant.adminEmail, name: "Dup", password: PASSWORD },
        409,
        /already exists/,
      ],
      ["POST", "/api/users", { email: "w@x.test", name: "Weak", password: "short" }, 422, /password/],
      ["POST", "/api/users", { email: "not-an-email", name: "E", password: PASSWORD }, 422, /email/],
      ["POST", "/api/users", { email: "w@x.test", name: 42, password: PASSWORD }, 422, /name/],
      [
        "POST",
        "/api/users",
        { email: "w@x.test", name: "W", password: PASSWORD, isAdmin: true },
        422,
        /isAdmin/,
      ],
      ["POST", "/api/groups", { name: "G", permissions: ["tickets:destroy"] }, 422, /tickets:destroy/],
      ["POST", "/api/groups", "{not json", 400, /not valid JSON/],
      ["POST", "/api/groups", { name: "x".repeat(2_000_000), permissions: [] }, 413, /.+/],
    ];
    for (const [method, url, body, status, detail] of cases) {
      const res =
        typeof body === "string"
          ? await admin.request(method as "POST", url, body, { "content-type": "application/json" })
          : await admin.request(method as "POST", url, body);
      assert.equal(
        res.statusCode,
        status,
        `${url} ${JSON.stringify(body).slice(0, 80)} → ${res.body.slice(0, 200)}`,
      );
      assert.match(res.headers["content-type"] as string, /application\/problem\+json/);
      assert.match(res.json().detail, detail);
    }
    assert.deepEqual(await snapshot(t, ["users", "groups", "group_permissions"]), before);
  });
});
