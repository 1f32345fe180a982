import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { AppError } from "@uslimato/server-core";
import {
  assertMayChange,
  type ChangePlan,
  planAssignment,
  planFieldEdits,
  planStatusMove,
  type TicketChange,
} from "./change-plan.ts";
import type { Actor, TicketRow } from "./ticket-view.ts";

const REPORTER = "0190a5c8-0000-7000-8000-00000000000a";
const AGENT = "0190a5c8-0000-7000-8000-00000000000b";
const NOW = new Date("2025-02-03T04:05:06.007Z");

const row = (over: Partial<TicketRow> = {}): TicketRow => ({
  id: "0190a5c8-0000-7000-8000-000000000001",
  number: 42,
  prefix: "TKT",
  type: "incident",
  status: "open",
  priority: "medium",
  title: "Printer on fire",
  description: "Smoke",
  reporter_id: REPORTER,
  reporter_name: "Rita",
  reporter_email: "rita@x.test",
  assignee_id: null,
  assignee_name: null,
  assignee_email: null,
  asset_id: null,
  movement_id: null,
  cancel_reason: null,
  created_at: NOW,
  updated_at: NOW,
  resolved_at: null,
  closed_at: null,
  ...over,
});

const actor = (userId: string, ...permissions: string[]): Actor => ({
  tenantId: "0190a5c8-0000-7000-8000-0000000000aa",
  userId,
  permissions: new Set(permissions),
});
const agent = actor(AGENT, "tickets:manage", "tickets:close", "tickets:create");
const triage = actor(AGENT, "tickets:manage", "tickets:create");
const reporter = actor(REPORTER, "tickets:create");

/** The whole plan for a change, the way changeTicket runs the steps (assignee already resolved). */
function plan(r: TicketRow, who: Actor, change: TicketChange, assigneeId?: string | null): ChangePlan {
  assertMayChange(r, who, change);
  const p = planFieldEdits(r, change);
  planAssignment(p, r, change, assigneeId);
  planStatusMove(p, r, who, change, NOW);
  return p;
}

function refused(fn: () => unknown, code: string, detail: RegExp, field?: string) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, code);
    assert.match(err.message, detail);
    if (field) assert.equal(err.errors?.[0]?.field, field);
    return true;
  });
}

describe("planning a ticket change", () => {
  test("only agents edit fields or assign; final tickets take no change at all", () => {
    refused(() => plan(row(), reporter, { title: "Mine" }), "forbidden", /Only agents/);
    refused(() => plan(row(), reporter, { assigneeId: null }), "forbidden", /Only agents/);
    for (const status of ["closed", "cancelled"]) {
      assert.throws(
        () => plan(row({ status }), agent, { priority: "high" }),
        (err: unknown) =>
          err instanceof AppError &&
          err.code === "invalid_transition" &&
          err.message === `Ticket TKT-000042 is ${status}: no further changes are allowed.` &&
          err.extra?.currentStatus === status,
      );
    }
  });

  test("field edits: only real changes, the title trimmed and required, one entry each", () => {
    const p = plan(row(), agent, { title: "Printer on fire", description: "Smoke", priority: "high" });
    assert.deepEqual(p.set, { priority: "high" });
    assert.deepEqual(p.history, [{ kind: "field", field: "priority", old: "medium", new: "high" }]);
    assert.deepEqual(plan(row(), agent, { title: " New " }).set, { title: "New" });
    refused(() => plan(row(), agent, { title: "  " }), "validation_failed", /title: is required/, "title");
    assert.deepEqual(plan(row(), agent, {}).history, []);
  });

  test("picking up: assigning an agent to an open ticket starts work on it", () => {
    const p = plan(row(), agent, { assigneeId: AGENT }, AGENT);
    assert.deepEqual(p.set, { assigneeId: AGENT, status: "in_progress" });
    assert.deepEqual(p.history, [
      { kind: "assignee", old: null, new: AGENT },
      { kind: "status", old: "open", new: "in_progress" },
    ]);
    // Unassigning, or assigning the same agent again, moves nothing.
    assert.deepEqual(
      plan(row({ status: "in_progress", assignee_id: AGENT }), agent, { assigneeId: null }, null).set,
      {
        assigneeId: null,
      },
    );
    assert.deepEqual(plan(row({ assignee_id: AGENT }), agent, { assigneeId: AGENT }, AGENT).history, []);
    // Assigning while asking for in_progress: one status entry, not two; asking for the same status is fine.
    assert.equal(
      plan(row(), agent, { assigneeId: AGENT, status: "in_progress" }, AGENT).history.filter(
        (h) => h.kind === "status",
      ).length,
      1,
    );
  });

  test("status moves follow the state machine, with the message naming the statuses", () => {
    refused(() => plan(row(), agent, { status: "closed" }), "invalid_transition", /from open to closed/);
    refused(
      () => plan(row(), agent, { status: "open" }),
      "invalid_transition",
      /^The ticket is already open\.$/,
    );
    refused(
      () => plan(row({ status: "in_progress" }), triage, { status: "resolved" }),
      "forbidden",
      /tickets:close/,
    );
    refused(() => plan(row(), agent, { status: "cancelled" }), "validation_failed", /reason/, "reason");
  });

  test("the timestamps each move sets", () => {
    assert.deepEqual(plan(row({ status: "in_progress" }), agent, { status: "resolved" }).set, {
      status: "resolved",
      resolvedAt: NOW,
    });
    assert.deepEqual(
      plan(row({ status: "resolved", resolved_at: NOW }), agent, { status: "in_progress" }).set,
      {
        status: "in_progress",
        resolvedAt: null,
      },
    );
    assert.deepEqual(plan(row({ status: "resolved" }), agent, { status: "closed" }).set, {
      status: "closed",
      closedAt: NOW,
    });
    assert.deepEqual(plan(row(), agent, { status: "cancelled", reason: "  duplicate " }).set, {
      status: "cancelled",
      closedAt: NOW,
      cancelReason: "duplicate",
    });
  });

  test("a reporter confirms or rejects (with a comment) a resolution of their own ticket, nothing else", () => {
    const resolved = row({ status: "resolved" });
    assert.equal(plan(resolved, reporter, { status: "closed" }).status, "closed");
    refused(
      () => plan(resolved, reporter, { status: "in_progress" }),
      "validation_failed",
      /comment/,
      "comment",
    );
    assert.equal(
      plan(resolved, reporter, { status: "in_progress", comment: "still slow" }).status,
      "in_progress",
    );
    refused(
      () => plan(row({ status: "in_progress" }), reporter, { status: "resolved" }),
      "forbidden",
      /tickets:manage/,
    );
    const someoneElse = actor(AGENT, "tickets:create");
    refused(
      () => plan(resolved, someoneElse, { status: "closed" }),
      "forbidden",
      /tickets:manage and tickets:close/,
    );
  });
});
