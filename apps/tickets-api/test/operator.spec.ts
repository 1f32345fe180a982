import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { OperatorsService } from "@uslimato/server-operator";
import type { FastifyInstance } from "fastify";
import { createApp } from "../src/create-app.ts";
import {
  Client,
  makeTenant,
  openTestDatabase,
  PASSWORD,
  signedIn,
  snapshot,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from "./helpers.ts";

jest.setTimeout(120_000);

const OPERATOR_EMAIL = "ops@uslimato.test";
const OPERATOR_PASSWORD = "operator pass phrase 42";

async function operatorClient(t: TestApp, password = OPERATOR_PASSWORD) {
  const client = new Client(t.app);
  const res = await client.request("POST", "/api/operator/sign-in", { email: OPERATOR_EMAIL, password });
  if (res.statusCode === 200) {
    const cookie = res.cookies.find((c) => c.name === "uslimato_operator");
    client.cookie = `uslimato_operator=${cookie?.value}`;
    client.csrf = res.json().csrfToken;
  }
  return { client, res };
}

describe("operator: sign-in, tenants, licenses, alerts", () => {
  let t: TestApp;
  let op: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const operators = t.nest.get(OperatorsService);
    assert.equal(await operators.ensureOperator(OPERATOR_EMAIL, OPERATOR_PASSWORD), true);
    // The first operator is created once and never overwritten.
    assert.equal(await operators.ensureOperator(OPERATOR_EMAIL, "another pass phrase 43"), false);
    op = (await operatorClient(t)).client;
  });
  afterAll(() => t.close());

  const tenantOf = async (slug: string) =>
    (await op.get("/api/operator/tenants")).json().find((x: { slug: string }) => x.slug === slug);

  test("operator sign-in uses its own strict, HTTP-only cookie; a wrong password is refused", async () => {
    const wrong = await operatorClient(t, "not the password");
    assert.equal(wrong.res.statusCode, 401);
    assert.equal(wrong.res.json().detail, "The email or password is not correct.");
    const { res } = await operatorClient(t);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === "uslimato_operator");
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, "Strict");
    assert.equal(cookie?.path, "/api/operator");
    assert.equal(
      res.cookies.find((c) => c.name === "uslimato_session"),
      undefined,
    );
    assert.equal((await op.get("/api/operator/session")).json().operator.email, OPERATOR_EMAIL);
  });

  test("a tenant session does not open operator routes, and an operator session does not open tenant routes", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    for (const url of ["/api/operator/session", "/api/operator/tenants", "/api/operator/alerts"]) {
      assert.equal((await admin.get(url)).statusCode, 401, url);
    }
    assert.equal((await admin.post("/api/operator/checks/quotas")).statusCode, 401);
    // The tenant's cookie value presented under the operator cookie's name.
    const smuggled = new Client(t.app);
    smuggled.cookie = admin.cookie.replace("uslimato_session=", "uslimato_operator=");
    smuggled.csrf = admin.csrf;
    assert.equal((await smuggled.get("/api/operator/tenants")).statusCode, 401);
    for (const url of ["/api/session", "/api/users", "/api/groups"]) {
      assert.equal((await op.get(url)).statusCode, 401, url);
    }
    // And the tenant user cannot sign in as operator with their credentials.
    const asOperator = await admin.request("POST", "/api/operator/sign-in", {
      email: tenant.adminEmail,
      password: PASSWORD,
    });
    assert.equal(asOperator.statusCode, 401);
  });

  test("two creations of one slug at the same moment: one 201, one 409, one tenant", async () => {
    const body = { slug: "twins", name: "Twins", adminPassword: PASSWORD };
    const [a, b] = await Promise.all([
      op.post("/api/operator/tenants", { ...body, adminEmail: "a@twins.test" }),
      op.post("/api/operator/tenants", { ...body, adminEmail: "b@twins.test" }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409]);
    const rows = await t.database.dataSource.query(
      "select count(*)::int as n from tenants where slug = 'twins'",
    );
    assert.equal(rows[0].n, 1);
  });

  test("operator writes need the operator's CSRF token; sign-out ends the operator session", async () => {
    const { client } = await operatorClient(t);
    const noCsrf = await client.request("POST", "/api/operator/checks/quotas", {}, { "x-csrf-token": "x" });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((await client.post("/api/operator/sign-out")).statusCode, 204);
    assert.equal((await client.get("/api/operator/session")).statusCode, 401);
    assert.equal((await op.get("/api/operator/session")).statusCode, 200, "other operator sessions live on");
  });

  test("tenant creation: 201 and the admin can sign in; duplicate slug 409, bad slug and weak password 422, nothing created", async () => {
    const body = {
      slug: "globex",
      name: "Globex Corporation",
      adminEmail: "hank@globex.test",
      adminName: "Hank Scorpio",
      adminPassword: PASSWORD,
    };
    const created = await op.post("/api/operator/tenants", body);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().slug, "globex");
    const hank = await signedIn(t.app, "hank@globex.test");
    const session = (await hank.get("/api/session")).json();
    assert.equal(session.tenant.slug, "globex");
    assert.equal(session.user.name, "Hank Scorpio");
    assert.ok(session.permissions.includes("users:manage"));
    assert.equal(session.itsmLicensed, false);

    const tables = ["tenants", "users", "groups", "group_members", "group_permissions"];
    const before = await snapshot(t, tables);
    const cases: [string, Record<string, unknown>, number, string][] = [
      ["duplicate slug", { ...body, adminEmail: "other@globex.test" }, 409, "slug"],
      ["upper-case slug", { ...body, slug: "Globex2" }, 422, "slug"],
      ["slug with a space", { ...body, slug: "glo bex" }, 422, "slug"],
      ["one-letter slug", { ...body, slug: "g" }, 422, "slug"],
      ["weak admin password", { ...body, slug: "globex3", adminPassword: "short" }, 422, "adminPassword"],
      [
        "common admin password",
        { ...body, slug: "globex4", adminPassword: "password1" },
        422,
        "adminPassword",
      ],
      ["bad admin email", { ...body, slug: "globex5", adminEmail: "hank" }, 422, "adminEmail"],
      ["unknown field", { ...body, slug: "globex6", plan: "gold" }, 422, "plan"],
    ];
    for (const [what, payload, status, field] of cases) {
      const res = await op.post("/api/operator/tenants", payload);
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
      assert.match(res.headers["content-type"] as string, /application\/problem\+json/);
      assert.ok(
        res.json().errors?.some((e: { field: string }) => e.field === field),
        `${what}: the problem names ${field}: ${res.body}`,
      );
    }
    assert.deepEqual(await snapshot(t, tables), before, "a refused tenant creation changed nothing");
  });

  test("license activate/update/deactivate through the API; ITSM Agent created exactly once; flags validated", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const url = `/api/operator/tenants/${tenant.slug}/license`;
    const agentGroups = async () =>
      t.database.dataSource.query(
        "select id, name from groups where tenant_id = $1 and system_key = 'itsm_agent'",
        [tenant.id],
      );

    const activated = await op.put(url, { active: true });
    assert.equal(activated.statusCode, 200, activated.body);
    assert.equal(activated.json().active, true);
    assert.equal(activated.json().flags.length, 7);
    assert.equal(activated.json().maxAgents, 10);
    assert.equal(activated.json().maxEmailsMonth, 10_000);
    assert.equal(activated.json().apiRateLimit, 600);
    const [group] = await agentGroups();
    assert.equal(group?.name, "ITSM Agent");
    assert.equal((await admin.get("/api/session")).json().itsmLicensed, true, "on the very next request");

    const updated = await op.put(url, {
      active: true,
      flags: ["agent_portal", "public_api"],
      maxAgents: 3,
      maxEmailsMonth: 50,
      apiRateLimit: 60,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(updated.json().flags, ["agent_portal", "public_api"]);
    assert.equal(updated.json().maxAgents, 3);
    const features = (await admin.get("/api/session")).json().features;
    assert.equal(features.agent_portal, true);
    assert.equal(features.end_user_portal, false);

    const deactivated = await op.put(url, { active: false });
    assert.equal(deactivated.json().active, false);
    assert.equal(deactivated.json().maxAgents, 3, "deactivation keeps the license's settings");
    assert.equal((await admin.get("/api/session")).json().features.agent_portal, false);
    assert.equal((await op.put(url, { active: true })).json().maxAgents, 3);
    assert.deepEqual(await agentGroups(), [group], "the ITSM Agent group exists exactly once, the same one");

    const before = await snapshot(t, ["itsm_licenses", "groups"]);
    const bad: [Record<string, unknown>, string][] = [
      [{ active: true, flags: ["agent_portal", "teleport"] }, "flags.1"],
      [{ active: true, maxAgents: -1 }, "maxAgents"],
      [{ active: true, maxAgents: 1.5 }, "maxAgents"],
      [{ active: true, maxEmailsMonth: "lots" }, "maxEmailsMonth"],
      [{ active: true, apiRateLimit: 0 }, "apiRateLimit"],
      [{ flags: [] }, "active"],
    ];
    for (const [payload, field] of bad) {
      const res = await op.put(url, payload);
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)}: ${res.body}`);
      assert.ok(
        res.json().errors?.some((e: { field: string }) => e.field === field),
        `${JSON.stringify(payload)} names ${field}: ${res.body}`,
      );
    }
    const unknown = await op.put("/api/operator/tenants/no-such-tenant/license", { active: true });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().detail, /no-such-tenant/);
    assert.deepEqual(
      await snapshot(t, ["itsm_licenses", "groups"]),
      before,
      "refused changes changed nothing",
    );
  });

  test("a quota lowered below the agents in use raises exactly one alert, however often the check runs", async () => {
    const tenant = await makeTenant(t, { license: { maxAgents: 3 } });
    const admin = await signedIn(t.app, tenant.adminEmail);
    const agentGroup = (await admin.get("/api/groups"))
      .json()
      .find((g: { systemKey: string }) => g.systemKey === "itsm_agent");
    for (const name of ["a1", "a2"]) {
      const user = await admin.post("/api/users", { email: `${name}@x.test`, name, password: PASSWORD });
      assert.equal(
        (await admin.put(`/api/groups/${agentGroup.id}/members/${user.json().id}`)).statusCode,
        200,
      );
    }
    const first = await op.post("/api/operator/checks/quotas");
    assert.equal(first.statusCode, 200);
    const alertsFor = async () =>
      (await op.get("/api/operator/alerts"))
        .json()
        .filter((a: { tenant: { slug: string } }) => a.tenant.slug === tenant.slug);
    assert.deepEqual(await alertsFor(), [], "within quota: no alert");

    assert.equal(
      (await op.put(`/api/operator/tenants/${tenant.slug}/license`, { active: true, maxAgents: 1 }))
        .statusCode,
      200,
    );
    assert.deepEqual((await tenantOf(tenant.slug)).usage, {
      agents: 2,
      maxAgents: 1,
      emailsThisMonth: 0,
      maxEmailsMonth: 10_000,
    });
    assert.deepEqual((await op.post("/api/operator/checks/quotas")).json(), { alertsRaised: 1 });
    const alerts = await alertsFor();
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].kind, "max_agents_exceeded");
    assert.match(alerts[0].message, /2 agents but its license allows 1/);

    assert.deepEqual((await op.post("/api/operator/checks/quotas")).json(), { alertsRaised: 0 });
    assert.equal((await alertsFor()).length, 1, "still exactly one alert");
    // Meanwhile the tenant cannot add a third agent.
    const third = await admin.post("/api/users", { email: "a3@x.test", name: "a3", password: PASSWORD });
    const refused = await admin.put(`/api/groups/${agentGroup.id}/members/${third.json().id}`);
    assert.equal(refused.statusCode, 409);
  });
});

describe("operator: the first operator from the configuration", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  const start = async (password: string) => {
    const nest = await createApp(
      { ...db.config, operatorEmail: OPERATOR_EMAIL, operatorPassword: password },
      db.database,
    );
    const app = nest.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    await app.ready();
    return { nest, app };
  };
  const signIn = (app: FastifyInstance, password: string) =>
    new Client(app).request("POST", "/api/operator/sign-in", { email: OPERATOR_EMAIL, password });

  test("exists once the app has started; a later start with another password does not overwrite it", async () => {
    const first = await start(OPERATOR_PASSWORD);
    assert.equal((await signIn(first.app, OPERATOR_PASSWORD)).statusCode, 200);
    await first.nest.close();

    const second = await start("another pass phrase 43");
    assert.equal((await signIn(second.app, "another pass phrase 43")).statusCode, 401);
    assert.equal((await signIn(second.app, OPERATOR_PASSWORD)).statusCode, 200);
    await second.nest.close();
    const rows = await db.database.dataSource.query("select count(*)::int as n from operators");
    assert.equal(rows[0].n, 1);
  });

  test("a weak OPERATOR_PASSWORD stops the start, naming the variable", async () => {
    await assert.rejects(start("short"), /OPERATOR_PASSWORD must be at least 10 characters long/);
  });
});
