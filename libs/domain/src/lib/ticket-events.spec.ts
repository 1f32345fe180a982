import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { eventsForMove, isTicketEvent, TICKET_EVENTS } from "./ticket-events.ts";
import { STATUSES } from "./ticket-status.ts";

describe("ticket events", () => {
  test("the six events of the seed, each named once", () => {
    assert.deepEqual([...TICKET_EVENTS].sort(), [
      "ticket.assigned",
      "ticket.closed",
      "ticket.comment_added",
      "ticket.created",
      "ticket.resolved",
      "ticket.status_changed",
    ]);
    assert.ok(isTicketEvent("ticket.created"));
    assert.ok(!isTicketEvent("ticket.deleted"));
  });

  test("every move is a status change; resolved and closed also raise their own event", () => {
    for (const to of STATUSES) {
      const events = eventsForMove(to);
      assert.equal(events[0], "ticket.status_changed");
      if (to === "resolved") assert.deepEqual(events, ["ticket.status_changed", "ticket.resolved"]);
      else if (to === "closed") assert.deepEqual(events, ["ticket.status_changed", "ticket.closed"]);
      else assert.deepEqual(events, ["ticket.status_changed"]);
    }
  });
});
