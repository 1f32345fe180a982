import assert from "node:assert/strict";
import { afterAll, afterEach, beforeAll, beforeEach, describe, jest, test } from "@jest/globals";
import type { LightMyRequestResponse } from "fastify";
import {
  type Client,
  makeTenant,
  PASSWORD,
  signedIn,
  snapshot,
  startTestApp,
  type TestApp,
} from "./helpers.ts";

jest.setTimeout(120_000);

const TABLES = ["users", "groups", "group_permissions", "group_members", "sessions"];
const JSON_TYPE = { "content-type": "application/json" };

/** A refusal: the status, a problem+json body, and its detail. */
function assertProblem(res: LightMyRequestResponse, status: number, detail: RegExp): void {
  assert.equal(res.statusCode, status, res.body.slice(0, 300));
  assert.match(res.headers["content-type"] as string, /^application\/problem\+json/);
  assert.equal(res.json().status, status);
  assert.match(res.json().detail, detail);
}

describe("bad input is refused before it reaches a service, and changes nothing", () => {
  let t: TestApp;
  let admin: Client;
  let groupId: string;
  let before: Record<string, unknown[]>;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await makeTenant(t);
    admin = await signedIn(t.app, tenant.adminEmail);
    groupId = (await admin.post("/api/groups", { name: "Helpers", permissions: [] })).json().id;
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    before = await snapshot(t, TABLES);
  });
  afterEach(async () => {
    assert.deepEqual(await snapshot(t, TABLES), before, "the refused request changed nothing");
  });

  test("an unknown body field is a 422 naming it", async () => {
    const res = await admin.post("/api/users", {
      email: "w@x.test",
      name: "W",
      password: PASSWORD,
      isAdmin: true,
    });
    assertProblem(res, 422, /isAdmin: is not a known field/);
    assert.deepEqual(res.json().errors, [{ field: "isAdmin", message: "is not a known field" }]);
    const patch = await admin.patch(`/api/groups/${groupId}`, { name: "H2", systemKey: "administrators" });
    assertProblem(patch, 422, /systemKey/);
    assert.deepEqual(patch.json().errors, [{ field: "systemKey", message: "is not a known field" }]);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "w@x.test", password: PASSWORD, remember: true },
    });
    assertProblem(signIn, 422, /remember: is not a known field/);
  });

  test("a value of the wrong type is a 422 naming the field", async () => {
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/users", { email: "w@x.test", name: 42, password: PASSWORD }, "name"],
      ["POST", "/api/users", { email: ["w@x.test"], name: "W", password: PASSWORD }, "email"],
      ["POST", "/api/groups", { name: "G", permissions: "users:manage" }, "permissions"],
      ["POST", "/api/groups", { name: "G", permissions: [42] }, "permissions"],
      ["PATCH", `/api/groups/${groupId}`, { name: null }, "name"],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await admin.request(method as "POST", url, body);
      assertProblem(res, 422, new RegExp(`^The body is not valid: ${field}: `));
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        [field],
      );
    }
    const users = (await admin.get("/api/users")).json();
    const active = await admin.patch(`/api/users/${users[0].id}`, { active: "no" });
    assertProblem(active, 422, /active: must be true or false/);
  });

  test('missing fields read "is required"; an empty patch and a bad path id are refused', async () => {
    const res = await admin.post("/api/users", {});
    assertProblem(res, 422, /email: is required; name: is required; password: is required/);
    assertProblem(
      await admin.post("/api/groups", { name: "   ", permissions: [] }),
      422,
      /name: is required/,
    );
    const users = (await admin.get("/api/users")).json();
    const empty = await admin.patch(`/api/users/${users[0].id}`, {});
    assertProblem(empty, 422, /body: Send at least one of name, active\./);
    assert.deepEqual(empty.json().errors, [{ field: "body", message: "Send at least one of name, active." }]);
    const badId = await admin.put(`/api/groups/${groupId}/members/not-a-uuid`);
    assertProblem(badId, 422, /userId: is not a valid id/);
  });

  test("a body that is not JSON is a 400; a JSON body that is not an object a 422", async () => {
    assertProblem(await admin.request("POST", "/api/groups", "{not json", JSON_TYPE), 400, /not valid JSON/);
    for (const body of ["[1, 2]", '"Helpers"', "42"]) {
      const res = await admin.request("PATCH", `/api/groups/${groupId}`, body, JSON_TYPE);
      assert.equal(res.statusCode, 422, `${body} → ${res.body}`);
    }
  });

  test("a body over 1 MB is a 413", async () => {
    const res = await admin.post("/api/groups", { name: "x".repeat(1_100_000), permissions: [] });
    assertProblem(res, 413, /.+/);
  });

  test("a body that is not JSON by its content type is a 415", async () => {
    for (const [type, body] of [
      ["text/plain", JSON.stringify({ name: "Plain", permissions: [] })],
      ["application/x-www-form-urlencoded", "name=Form&permissions="],
      ["application/xml", "<group name='X'/>"],
    ] as const) {
      const res = await admin.request("POST", "/api/groups", body, { "content-type": type });
      assertProblem(res, 415, /.+/);
    }
  });
});
