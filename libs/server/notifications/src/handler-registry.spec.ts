import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { TICKET_EVENTS, type TicketEventName } from "@uslimato/domain";
import { checkedRegistry, type EventHandler } from "./handler-registry.ts";

const handler = (event: string): EventHandler => ({
  event: event as TicketEventName,
  handle: async () => undefined,
});

describe("the event handler registry", () => {
  test("one handler per event: accepted, looked up by event", () => {
    const registry = checkedRegistry(TICKET_EVENTS.map(handler));
    assert.equal(registry.size, TICKET_EVENTS.length);
    assert.equal(registry.get("ticket.resolved")?.event, "ticket.resolved");
  });

  test("an event without a handler is refused, naming it", () => {
    const handlers = TICKET_EVENTS.filter((e) => e !== "ticket.closed").map(handler);
    assert.throws(() => checkedRegistry(handlers), /ticket\.closed has no handler/);
  });

  test("an event with two handlers is refused, naming it", () => {
    const handlers = [...TICKET_EVENTS.map(handler), handler("ticket.assigned")];
    assert.throws(() => checkedRegistry(handlers), /ticket\.assigned has 2 handlers/);
  });

  test("a handler for an unknown event is refused", () => {
    assert.throws(
      () => checkedRegistry([...TICKET_EVENTS.map(handler), handler("ticket.deleted")]),
      /ticket\.deleted is not a ticket event/,
    );
  });
});
