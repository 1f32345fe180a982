import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { FastifyInstance } from "fastify";
import { createApp } from "../src/create-app.ts";
import { Client, makeTenant, PASSWORD, signedIn, snapshot, startTestApp, type TestApp } from "./helpers.ts";

jest.setTimeout(120_000);

describe("sign-in, users, groups and the agent quota", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

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

describe("sessions, sign-out and the guards of users and groups", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  test("the session cookie: 14 days, Path=/, Secure only when configured; sign-out clears it", async () => {
    const tenant = await makeTenant(t);
    const client = new Client(t.app);
    const res = await client.signIn(tenant.adminEmail);
    const cookie = res.cookies.find((c) => c.name === "uslimato_session");
    assert.equal(cookie?.maxAge, 14 * 86_400);
    assert.equal(cookie?.path, "/");
    assert.equal(cookie?.secure, undefined);
    assert.match(cookie?.value ?? "", new RegExp(`^${tenant.id}\\.`));
    assert.equal(res.json().tenant.slug, tenant.slug);
    assert.equal(res.json().itsmLicensed, false);

    const out = await client.post("/api/auth/sign-out");
    assert.equal(out.statusCode, 204);
    assert.equal(out.body, "");
    const cleared = out.cookies.find((c) => c.name === "uslimato_session");
    assert.equal(cleared?.value, "");
    assert.equal(cleared?.maxAge, 0);
    assert.equal((await client.get("/api/session")).statusCode, 401, "the session is gone");

    const secure = await createApp({ ...t.config, secureCookies: true }, t.database);
    try {
      const app = secure.getHttpAdapter().getInstance() as unknown as FastifyInstance;
      const signIn = await new Client(app).signIn(tenant.adminEmail);
      assert.equal(signIn.cookies.find((c) => c.name === "uslimato_session")?.secure, true);
    } finally {
      await secure.close();
    }
  });

  test("an email in several workspaces: 409 listing them, then the chosen one signs in", async () => {
    const a = await makeTenant(t);
    const b = await makeTenant(t);
    const shared = "shared@x.test";
    for (const tenant of [a, b]) {
      const admin = await signedIn(t.app, tenant.adminEmail);
      await admin.post("/api/users", { email: shared, name: "Shared", password: PASSWORD });
    }
    const client = new Client(t.app);
    const res = await client.signIn(shared);
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json().errors, [{ field: "tenant", message: "choose a workspace" }]);
    assert.deepEqual(
      res
        .json()
        .tenants.map((x: { slug: string }) => x.slug)
        .sort(),
      [a.slug, b.slug].sort(),
    );
    const chosen = await client.signIn(shared, PASSWORD, b.slug);
    assert.equal(chosen.statusCode, 200);
    assert.equal(chosen.json().tenant.id, b.id);
  });

  test("a deactivated user loses their sessions; nobody deactivates themself", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const me = (await admin.get("/api/session")).json().user;
    const self = await admin.patch(`/api/users/${me.id}`, { active: false });
    assert.equal(self.statusCode, 422);
    assert.deepEqual(self.json().errors, [{ field: "active", message: "You cannot deactivate yourself." }]);
    const user = (
      await admin.post("/api/users", { email: "d@x.test", name: " D ", password: PASSWORD })
    ).json();
    assert.equal(user.name, "D");
    const member = await signedIn(t.app, "d@x.test");
    assert.equal((await member.get("/api/session")).statusCode, 200);
    const off = await admin.patch(`/api/users/${user.id}`, { active: false });
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().active, false);
    assert.equal((await member.get("/api/session")).statusCode, 401);
    assert.equal((await new Client(t.app).signIn("d@x.test")).statusCode, 401);
    assert.equal((await admin.patch(`/api/users/${tenant.id}`, { name: "X" })).statusCode, 404);
  });

  test("system groups cannot be renamed or deleted; an admin cannot leave Administrators", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const me = (await admin.get("/api/session")).json().user;
    const groups = (await admin.get("/api/groups")).json();
    const admins = groups.find((g: { systemKey: string }) => g.systemKey === "administrators");
    const rename = await admin.patch(`/api/groups/${admins.id}`, { name: "Bosses" });
    assert.equal(rename.statusCode, 422);
    assert.equal(rename.json().errors[0].field, "name");
    assert.equal((await admin.delete(`/api/groups/${admins.id}`)).statusCode, 409);
    const leave = await admin.delete(`/api/groups/${admins.id}/members/${me.id}`);
    assert.equal(leave.statusCode, 409);
    assert.match(leave.json().detail, /cannot remove yourself/);

    const custom = (
      await admin.post("/api/groups", { name: "Readers", permissions: ["assets:read"] })
    ).json();
    assert.equal(
      (await admin.post("/api/groups", { name: "readers", permissions: [] })).statusCode,
      409,
      "names are unique whatever their case",
    );
    const added = await admin.put(`/api/groups/${custom.id}/members/${me.id}`);
    assert.deepEqual(
      added.json().members.map((m: { id: string }) => m.id),
      [me.id],
    );
    assert.equal(
      (await admin.put(`/api/groups/${custom.id}/members/${me.id}`)).statusCode,
      200,
      "idempotent",
    );
    const removed = await admin.delete(`/api/groups/${custom.id}/members/${me.id}`);
    assert.deepEqual(removed.json().members, []);
    assert.equal((await admin.delete(`/api/groups/${custom.id}`)).statusCode, 204);
    assert.equal((await admin.delete(`/api/groups/${custom.id}`)).statusCode, 404);
  });

  test("the permission catalogue, and users:manage guarding every user and group route", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const catalogue = (await admin.get("/api/permissions")).json();
    assert.deepEqual(
      catalogue.map((p: { name: string }) => p.name),
      [
        "assets:manage",
        "assets:read",
        "settings:manage",
        "users:manage",
        "tickets:close",
        "tickets:create",
        "tickets:manage",
      ],
    );
    assert.deepEqual(Object.keys(catalogue[0]).sort(), ["description", "itsm", "name"]);
    await admin.post("/api/users", { email: "p@x.test", name: "P", password: PASSWORD });
    const plain = await signedIn(t.app, "p@x.test");
    for (const url of ["/api/users", "/api/groups", "/api/permissions"]) {
      const res = await plain.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.match(res.json().detail, /users:manage/);
    }
    assert.equal((await new Client(t.app).get("/api/users")).statusCode, 401);
  });
});
