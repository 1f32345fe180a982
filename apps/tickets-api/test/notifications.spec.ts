import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import { OperatorsService } from "@uslimato/server-operator";
import { createQueue, createWorker, queueBackend } from "@uslimato/server-queue";
import type { FastifyInstance } from "fastify";
import { createApp } from "../src/create-app.ts";
import {
  Client,
  makeTenant,
  openTestDatabase,
  signedIn,
  type TestApp,
  type TestDatabase,
} from "./helpers.ts";

jest.setTimeout(120_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const OPERATOR_EMAIL = "ops@uslimato.test";
const OPERATOR_PASSWORD = "operator pass phrase 42";

/** The api's views of the notification pipeline: tenant admins' mail usage, the operator's queue page. */
describe("notifications in the api", () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let op: Client;
  beforeAll(async () => {
    tdb = await openTestDatabase();
    // BullMQ on Redis for this api (REDIS_URL), as in production.
    const config = { ...tdb.config, redisUrl: REDIS_URL };
    const nest: NestFastifyApplication = await createApp(config, tdb.database);
    const app = nest.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    await app.ready();
    t = { ...tdb, config, app, nest, close: async () => {} };
    await nest.get(OperatorsService).ensureOperator(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    op = new Client(app);
    const res = await op.request("POST", "/api/operator/sign-in", {
      email: OPERATOR_EMAIL,
      password: OPERATOR_PASSWORD,
    });
    op.cookie = `uslimato_operator=${res.cookies.find((c) => c.name === "uslimato_operator")?.value}`;
    op.csrf = res.json().csrfToken;
  });
  afterAll(async () => {
    await t?.nest.close();
    await tdb?.close();
  });

  test("a tenant admin sees the month's mail usage against the quota", async () => {
    const tenant = await makeTenant(t, { license: true });
    const admin = await signedIn(t.app, tenant.adminEmail);
    const month = new Date().toISOString().slice(0, 7);
    assert.deepEqual((await admin.get("/api/settings/itsm/email-usage")).json(), {
      month,
      sent: 0,
      dropped: 0,
      failed: 0,
      quota: 10_000,
    });
    await t.database.dataSource.query(
      "insert into monthly_usage (tenant_id, month, emails_sent, emails_dropped, emails_failed) values ($1, $2, 7, 2, 1)",
      [tenant.id, month],
    );
    assert.deepEqual((await admin.get("/api/settings/itsm/email-usage")).json(), {
      month,
      sent: 7,
      dropped: 2,
      failed: 1,
      quota: 10_000,
    });
    // Not for tenants without the license, and not for the operator's cookie.
    const other = await makeTenant(t);
    const unlicensed = await signedIn(t.app, other.adminEmail);
    assert.equal((await unlicensed.get("/api/settings/itsm/email-usage")).statusCode, 404);
    assert.equal((await op.get("/api/settings/itsm/email-usage")).statusCode, 401);
  });

  test("the operator sees queue depth, failed jobs and usage per tenant, and retries a failed job", async () => {
    const tenant = await makeTenant(t, { license: true });
    // A job that failed for good (a worker whose processing throws, one attempt).
    const backend = queueBackend(t.config, t.database);
    const queue = createQueue("ticket-events", backend);
    const jobId = randomUUID();
    const failing = createWorker(
      "ticket-events",
      async () => {
        throw new Error("SMTP said no");
      },
      backend,
    );
    try {
      await queue.add(
        "ticket.created",
        { tenantId: tenant.id, outboxId: jobId, event: { name: "ticket.created", payload: {} } },
        { jobId, attempts: 1 },
      );
      for (let i = 0; i < 200 && (await queue.getJobState(jobId)) !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await failing.close();
    }
    const page = (await op.get("/api/operator/notifications")).json();
    assert.equal(page.queue.name, "ticket-events");
    assert.ok(page.queue.failed >= 1);
    const failed = page.failedJobs.find((j: { id: string }) => j.id === jobId);
    assert.equal(failed.event, "ticket.created");
    assert.equal(failed.tenantId, tenant.id);
    assert.equal(failed.failedReason, "SMTP said no");
    assert.ok(
      page.tenants.some((x: { slug: string; quota: number }) => x.slug === tenant.slug && x.quota === 10_000),
    );

    const retried = await op.post(`/api/operator/notifications/failed/${jobId}/retry`);
    assert.equal(retried.statusCode, 200);
    assert.equal(retried.json().id, jobId);
    assert.equal(await queue.getJobState(jobId), "waiting");
    // Not failed any more: a second retry is a conflict; an unknown job is a 404; a bad id a 422.
    assert.equal((await op.post(`/api/operator/notifications/failed/${jobId}/retry`)).statusCode, 409);
    assert.equal((await op.post(`/api/operator/notifications/failed/${randomUUID()}/retry`)).statusCode, 404);
    assert.equal((await op.post("/api/operator/notifications/failed/nope/retry")).statusCode, 422);
    // Tenant users never reach it.
    const admin = await signedIn(t.app, tenant.adminEmail);
    assert.equal((await admin.get("/api/operator/notifications")).statusCode, 401);
    await queue.remove(jobId);
    await queue.close();
  });
});
