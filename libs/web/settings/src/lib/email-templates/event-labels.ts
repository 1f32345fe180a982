import type { TicketEventName } from "@uslimato/domain";

/** The six events in words, for the event picker (the event names themselves come from the API). */
export const EVENT_LABELS: Record<TicketEventName, string> = {
  "ticket.created": "Ticket created",
  "ticket.assigned": "Ticket assigned",
  "ticket.comment_added": "Comment added",
  "ticket.status_changed": "Status changed",
  "ticket.resolved": "Ticket resolved",
  "ticket.closed": "Ticket closed",
};

export function eventLabel(event: string): string {
  return (EVENT_LABELS as Record<string, string>)[event] ?? event;
}
