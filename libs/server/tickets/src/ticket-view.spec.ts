import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { asReporter, statusesOfState } from "./as-reporter.ts";
import { containsPattern } from "./people.ts";
import { isAgent, type TicketRow, toView } from "./ticket-view.ts";

const ROW: TicketRow = {
  id: "0190a5c8-0000-7000-8000-000000000001",
  number: 42,
  prefix: "TKT",
  type: "incident",
  status: "open",
  priority: "medium",
  title: "Printer on fire",
  description: "Smoke",
  reporter_id: "0190a5c8-0000-7000-8000-00000000000a",
  reporter_name: "Rita",
  reporter_email: "rita@x.test",
  assignee_id: null,
  assignee_name: null,
  assignee_email: null,
  asset_id: null,
  movement_id: null,
  cancel_reason: null,
  created_at: new Date("2025-01-01T10:00:00.123Z"),
  updated_at: new Date("2025-01-01T10:00:00.123Z"),
  resolved_at: null,
  closed_at: null,
};

describe("the ticket view", () => {
  test("a row becomes the API's ticket JSON: formatted number, reporter and assignee as people", () => {
    const view = toView({ ...ROW, assignee_id: "a1", assignee_name: "Al", assignee_email: "al@x.test" });
    assert.equal(view.number, "TKT-000042");
    assert.deepEqual(view.reporter, { id: ROW.reporter_id, name: "Rita", email: "rita@x.test" });
    assert.deepEqual(view.assignee, { id: "a1", name: "Al", email: "al@x.test" });
    assert.deepEqual(Object.keys(view), [
      "id",
      "number",
      "type",
      "status",
      "priority",
      "title",
      "description",
      "reporter",
      "assignee",
      "asset_id",
      "movement_id",
      "asset",
      "movement",
      "cancel_reason",
      "created_at",
      "updated_at",
      "resolved_at",
      "closed_at",
    ]);
    assert.equal(toView(ROW).assignee, null);
  });

  test("agents are the holders of tickets:manage", () => {
    assert.equal(isAgent({ tenantId: "t", userId: "u", permissions: new Set(["tickets:manage"]) }), true);
    assert.equal(isAgent({ tenantId: "t", userId: "u", permissions: new Set(["tickets:close"]) }), false);
  });

  test("the desk acts as a reporter: without tickets:manage and tickets:close, nothing else lost", () => {
    const user = {
      tenantId: "t",
      userId: "u",
      permissions: new Set(["tickets:manage", "tickets:close", "tickets:create", "users:manage"]),
    };
    const actor = asReporter(user);
    assert.deepEqual([...actor.permissions].sort(), ["tickets:create", "users:manage"]);
    assert.equal(user.permissions.size, 4, "the user's own set is left alone");
    assert.deepEqual(statusesOfState("open"), ["open", "in_progress", "resolved"]);
    assert.deepEqual(statusesOfState("done"), ["closed", "cancelled"]);
    assert.equal(statusesOfState("all"), undefined);
  });

  test("people search: typed LIKE wildcards and backslashes match literally", () => {
    assert.equal(containsPattern(undefined), null);
    assert.equal(containsPattern("   "), null);
    assert.equal(containsPattern(" Ad "), "%ad%");
    assert.equal(containsPattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
  });
});
