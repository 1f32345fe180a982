import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import type { FastifyInstance } from "fastify";
import { createApp } from "../src/create-app.ts";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";

// Opening a fresh database (migrations) takes more than jest's default 5 s late in a long run.
jest.setTimeout(120_000);

describe("the HTTP shell: health, errors, security headers", () => {
  let t: TestDatabase;
  let nest: NestFastifyApplication;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestDatabase();
    nest = await createApp(t.config, t.database);
    app = nest.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    await app.ready();
  });
  afterAll(async () => {
    await nest?.close();
    await t?.close();
  });

  test("liveness and readiness", async () => {
    assert.deepEqual((await app.inject({ url: "/healthz" })).json(), { status: "ok" });
    const ready = await app.inject({ url: "/readyz" });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, "ready");
  });

  test("an unknown API path is a JSON 404 problem naming it", async () => {
    const res = await app.inject({ url: "/api/nothing-here?x=1" });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers["content-type"] as string, /application\/problem\+json/);
    assert.equal(res.json().detail, "There is no GET /api/nothing-here.");
    const post = await app.inject({ method: "POST", url: "/api/nothing-here", payload: {} });
    assert.equal(post.statusCode, 404);
  });

  test("security headers on API answers", async () => {
    const res = await app.inject({ url: "/healthz" });
    const csp = res.headers["content-security-policy"] as string;
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["x-frame-options"], "DENY");
    assert.ok(res.headers["referrer-policy"]);
    assert.equal(res.headers["strict-transport-security"], undefined, "no HSTS on plain http");
  });

  test("HEAD answers like GET without a body", async () => {
    const res = await app.inject({ method: "HEAD", url: "/healthz" });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, "");
  });
});
