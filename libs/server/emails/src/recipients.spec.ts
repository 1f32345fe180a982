import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import type { TicketEvent } from "@uslimato/domain";
import { deliveryKeyFor, type EventFacts, type MailPerson, recipientsFor } from "./recipients.ts";

const person = (id: string, extra: Partial<MailPerson> = {}): MailPerson => ({
  id,
  name: id,
  email: `${id}@acme.test`,
  active: true,
  ...extra,
});
const reporter = person("reporter");
const agentA = person("agent-a");
const agentB = person("agent-b");
const base = { tenantId: "t", ticketId: "k", occurredAt: "2026-12-01T00:00:00Z" };
const facts = (extra: Partial<EventFacts> = {}): EventFacts => ({
  reporter,
  assignee: null,
  agents: [agentA, agentB],
  queueEmail: null,
  comment: null,
  ...extra,
});
const to = (event: TicketEvent, f: EventFacts) => recipientsFor(event, f).map((r) => r.to);

describe("who is emailed about each event", () => {
  test("created: the reporter and every agent; not the agent who filed it", () => {
    const created = (actorId: string): TicketEvent => ({
      name: "ticket.created",
      payload: { ...base, actorId },
    });
    assert.deepEqual(to(created("reporter"), facts()), ["agent-a@acme.test", "agent-b@acme.test"]);
    assert.deepEqual(to(created("agent-a"), facts()), ["reporter@acme.test", "agent-b@acme.test"]);
  });

  test("created with a queue address: the reporter and the queue address instead of the agents", () => {
    const event: TicketEvent = { name: "ticket.created", payload: { ...base, actorId: "reporter" } };
    const out = recipientsFor(event, facts({ queueEmail: "desk@acme.test" }));
    assert.deepEqual(out, [{ to: "desk@acme.test", userId: null, name: "Service desk" }]);
    const byAgent: TicketEvent = { name: "ticket.created", payload: { ...base, actorId: "agent-a" } };
    assert.deepEqual(to(byAgent, facts({ queueEmail: "desk@acme.test" })), [
      "reporter@acme.test",
      "desk@acme.test",
    ]);
  });

  test("an agent who reports is mailed once, inactive users never", () => {
    const event: TicketEvent = { name: "ticket.created", payload: { ...base, actorId: "someone" } };
    const f = facts({ reporter: agentA, agents: [agentA, person("gone", { active: false })] });
    assert.deepEqual(to(event, f), ["agent-a@acme.test"]);
  });

  test("assigned: the assignee, unless they assigned themselves", () => {
    const assigned = (actorId: string): TicketEvent => ({
      name: "ticket.assigned",
      payload: { ...base, actorId, assigneeId: "agent-b", previousAssigneeId: null },
    });
    assert.deepEqual(to(assigned("agent-a"), facts({ assignee: agentB })), ["agent-b@acme.test"]);
    assert.deepEqual(to(assigned("agent-b"), facts({ assignee: agentB })), []);
  });

  test("comment_added: the reporter for external comments; an internal note never reaches them", () => {
    const comment = (visibility: "external" | "internal", actorId = "agent-a"): TicketEvent => ({
      name: "ticket.comment_added",
      payload: { ...base, actorId, commentId: "c", visibility },
    });
    assert.deepEqual(to(comment("external"), facts({ comment: { visibility: "external" } })), [
      "reporter@acme.test",
    ]);
    assert.deepEqual(to(comment("internal"), facts({ comment: { visibility: "internal" } })), []);
    // The stored comment decides when the two disagree: never leak an internal note.
    assert.deepEqual(to(comment("external"), facts({ comment: { visibility: "internal" } })), []);
    assert.deepEqual(to(comment("external"), facts({ comment: null })), []);
    assert.deepEqual(to(comment("external", "reporter"), facts({ comment: { visibility: "external" } })), []);
  });

  test("status changes, resolved and closed: the reporter, not about their own action", () => {
    const moved = (to: "in_progress" | "resolved" | "closed", actorId = "agent-a"): TicketEvent => ({
      name: "ticket.status_changed",
      payload: { ...base, actorId, from: "open", to },
    });
    assert.deepEqual(to(moved("in_progress"), facts()), ["reporter@acme.test"]);
    // A move to resolved or closed has its own mail (ticket.resolved / ticket.closed): not two.
    assert.deepEqual(to(moved("resolved"), facts()), []);
    assert.deepEqual(to(moved("closed"), facts()), []);
    const resolved: TicketEvent = {
      name: "ticket.resolved",
      payload: { ...base, actorId: "agent-a", from: "in_progress" },
    };
    assert.deepEqual(to(resolved, facts()), ["reporter@acme.test"]);
    const closedByReporter: TicketEvent = {
      name: "ticket.closed",
      payload: { ...base, actorId: "reporter", from: "resolved" },
    };
    assert.deepEqual(to(closedByReporter, facts()), []);
    const reopened = moved("in_progress", "reporter");
    assert.deepEqual(to(reopened, facts()), []);
  });

  test("delivery keys: one per event and recipient, without ':'", () => {
    assert.equal(deliveryKeyFor("o1", { userId: "u1", to: "x@y.test" }), "o1-u1");
    assert.equal(deliveryKeyFor("o1", { userId: null, to: "Desk@Acme.test" }), "o1-desk@acme.test");
    assert.ok(!deliveryKeyFor("o1", { userId: null, to: "a:b@c.test" }).includes(":"));
  });
});
