import type { Status } from "./ticket-status.ts";

/**
 * The six ticket events (seed, "Email notifications"). A ticket change writes one outbox row per event
 * in its own transaction; the notification worker turns each into emails.
 */
export const TICKET_EVENTS = [
  "ticket.created",
  "ticket.assigned",
  "ticket.comment_added",
  "ticket.status_changed",
  "ticket.resolved",
  "ticket.closed",
] as const;
export type TicketEventName = (typeof TICKET_EVENTS)[number];

export function isTicketEvent(name: string): name is TicketEventName {
  return (TICKET_EVENTS as readonly string[]).includes(name);
}

/** What every event carries: enough to find the ticket and who did it, in its tenant. */
interface TicketEventBase {
  tenantId: string;
  ticketId: string;
  /** The user whose action raised the event (never emailed about it). */
  actorId: string;
  occurredAt: string;
}

export interface TicketEventPayloads {
  "ticket.created": TicketEventBase;
  "ticket.assigned": TicketEventBase & { assigneeId: string; previousAssigneeId: string | null };
  "ticket.comment_added": TicketEventBase & { commentId: string; visibility: "external" | "internal" };
  "ticket.status_changed": TicketEventBase & { from: Status; to: Status };
  "ticket.resolved": TicketEventBase & { from: Status };
  "ticket.closed": TicketEventBase & { from: Status };
}

export type TicketEvent = {
  [N in TicketEventName]: { name: N; payload: TicketEventPayloads[N] };
}[TicketEventName];

/**
 * The events one status move raises: every move is a status change; reaching resolved or closed also
 * raises its own event (the reporter is asked to confirm, or told it is done).
 */
export function eventsForMove(to: Status): TicketEventName[] {
  if (to === "resolved") return ["ticket.status_changed", "ticket.resolved"];
  if (to === "closed") return ["ticket.status_changed", "ticket.closed"];
  return ["ticket.status_changed"];
}
