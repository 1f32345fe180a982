import { TICKET_EVENTS, type TicketEventName } from "@uslimato/domain";
import type { TicketEventJob } from "./queues.ts";

/** What the worker does with one event of a job (in its tenant transaction, see EventProcessor). */
export interface EventHandler {
  event: TicketEventName;
  handle(job: TicketEventJob): Promise<unknown>;
}

/**
 * The handlers by event, checked once at boot: every event of TICKET_EVENTS has exactly one handler.
 * A new event added to the domain without a handler (or one registered twice) stops the worker from
 * starting, instead of silently dropping (or doubling) its mails at run time.
 */
export function checkedRegistry(handlers: EventHandler[]): Map<TicketEventName, EventHandler> {
  const problems: string[] = [];
  for (const event of TICKET_EVENTS) {
    const count = handlers.filter((h) => h.event === event).length;
    if (count === 0) problems.push(`${event} has no handler`);
    if (count > 1) problems.push(`${event} has ${count} handlers`);
  }
  for (const h of handlers) {
    if (!(TICKET_EVENTS as readonly string[]).includes(h.event))
      problems.push(`${h.event} is not a ticket event`);
  }
  if (problems.length) throw new Error(`notification handlers: ${problems.join("; ")}.`);
  return new Map(handlers.map((h) => [h.event, h]));
}
