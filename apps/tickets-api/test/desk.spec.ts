import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { AutoCloseService } from "@uslimato/server-tickets";
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

describe("desk portal API", () => {
  let t: TestApp;
  let agent: Client;
  let reporter: Client;
  let other: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await makeTenant(t, { license: true });
    admin = await signedIn(t.app, tenant.adminEmail);
    const groups = (await admin.get("/api/groups")).json();
    const agentGroup = groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent");
    const reporters = (
      await admin.post("/api/groups", { name: "Reporters", permissions: ["tickets:create"] })
    ).json();
    for (const [email, group] of [
      ["agent", agentGroup.id],
      ["rep", reporters.id],
      ["other", reporters.id],
    ]) {
      const u = (
        await admin.post("/api/users", { email: `${email}@x.test`, name: email, password: PASSWORD })
      ).json();
      await admin.put(`/api/groups/${group}/members/${u.id}`);
    }
    agent = await signedIn(t.app, "agent@x.test");
    reporter = await signedIn(t.app, "rep@x.test");
    other = await signedIn(t.app, "other@x.test");
  });
  afterAll(() => t.close());

  test("a reporter files, follows, sees external replies only, and confirms the resolution", async () => {
    const created = await reporter.post("/api/desk/tickets", {
      title: "Need a monitor",
      description: "27 inch please",
      type: "service_request",
    });
    assert.equal(created.statusCode, 201, created.body);
    const ticket = created.json();
    assert.match(ticket.number, /^TKT-\d{6}$/);
    await agent.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" });
    await agent.post(`/api/tickets/${ticket.id}/comments`, {
      body: "budget code 42 (internal)",
      visibility: "internal",
    });
    await agent.post(`/api/tickets/${ticket.id}/comments`, { body: "Ordered it", visibility: "external" });
    assert.equal(
      (await reporter.post(`/api/desk/tickets/${ticket.id}/comments`, { body: "Thanks!" })).statusCode,
      201,
    );
    const comments = (await reporter.get(`/api/desk/tickets/${ticket.id}/comments`)).json();
    assert.deepEqual(
      comments.map((c: { body: string }) => c.body),
      ["Ordered it", "Thanks!"],
    );
    const history = (await reporter.get(`/api/desk/tickets/${ticket.id}/history`)).json();
    assert.ok(history.every((h: { internal: boolean }) => !h.internal));
    assert.equal((await reporter.post(`/api/desk/tickets/${ticket.id}/confirm`)).statusCode, 409); // not resolved yet
    await agent.patch(`/api/tickets/${ticket.id}`, { status: "resolved" });
    const confirmed = await reporter.post(`/api/desk/tickets/${ticket.id}/confirm`);
    assert.equal(confirmed.json().status, "closed");
    const list = (await reporter.get("/api/desk/tickets?state=done")).json();
    assert.deepEqual(
      list.data.map((x: { id: string }) => x.id),
      [ticket.id],
    );
  });

  test("rejecting a resolution needs a comment and reopens the ticket", async () => {
    const ticket = (
      await reporter.post("/api/desk/tickets", {
        title: "Wifi slow",
        description: "floor 3",
        type: "incident",
      })
    ).json();
    await agent.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" });
    await agent.patch(`/api/tickets/${ticket.id}`, { status: "resolved" });
    assert.equal(
      (await reporter.post(`/api/desk/tickets/${ticket.id}/reject`, { comment: "" })).statusCode,
      422,
    );
    const res = await reporter.post(`/api/desk/tickets/${ticket.id}/reject`, { comment: "Still slow" });
    assert.equal(res.json().status, "in_progress");
  });

  test("another user's ticket is not found, the same as one that does not exist; agent actions are refused", async () => {
    const ticket = (
      await reporter.post("/api/desk/tickets", { title: "Mine", description: "d", type: "incident" })
    ).json();
    const before = await snapshot(t, ["tickets", "ticket_history", "ticket_comments"]);
    const missing = (await other.get("/api/desk/tickets/00000000-0000-7000-8000-000000000000")).json();
    const theirs = await other.get(`/api/desk/tickets/${ticket.id}`);
    assert.equal(theirs.statusCode, 404);
    assert.equal(theirs.json().title, missing.title);
    assert.equal((await other.get(`/api/desk/tickets/${ticket.number}`)).statusCode, 404);
    assert.equal(
      (await other.post(`/api/desk/tickets/${ticket.id}/comments`, { body: "hi" })).statusCode,
      404,
    );
    assert.equal(
      (await reporter.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" })).statusCode,
      403,
    );
    assert.equal(
      (await reporter.post(`/api/tickets/${ticket.id}/comments`, { body: "x", visibility: "internal" }))
        .statusCode,
      403,
    );
    assert.equal(
      (await reporter.post(`/api/desk/tickets/${ticket.id}/comments`, { body: "x", visibility: "internal" }))
        .statusCode,
      422,
    );
    assert.equal(
      (await reporter.post("/api/desk/tickets", { title: "", description: "", type: "incident" })).statusCode,
      422,
    );
    const noDescription = await reporter.post("/api/desk/tickets", { title: "x", type: "incident" });
    assert.equal(noDescription.statusCode, 422);
    assert.match(noDescription.json().detail, /description: is required/);
    assert.equal(
      (
        await reporter.post("/api/desk/tickets", {
          title: "x",
          description: "y".repeat(1_100_000),
          type: "incident",
        })
      ).statusCode,
      413,
    );
    assert.deepEqual(await snapshot(t, ["tickets", "ticket_history", "ticket_comments"]), before);
  });

  test("resolved tickets close themselves after the tenant's auto-close days", async () => {
    const ticket = (
      await reporter.post("/api/desk/tickets", { title: "Old", description: "d", type: "incident" })
    ).json();
    await agent.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" });
    await agent.patch(`/api/tickets/${ticket.id}`, { status: "resolved" });
    await t.database.dataSource.query(
      "update tickets set resolved_at = now() - interval '8 days' where id = $1",
      [ticket.id],
    );
    const { closed } = await t.nest.get(AutoCloseService).autoCloseResolved();
    assert.ok(closed >= 1);
    assert.equal((await reporter.get(`/api/desk/tickets/${ticket.id}`)).json().status, "closed");
  });
});
