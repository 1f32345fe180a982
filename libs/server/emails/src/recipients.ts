import type { TicketEvent } from "@uslimato/domain";

/** A user as the recipient rules see them. */
export interface MailPerson {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

/** What the rules need to know about an event's ticket, read in the event's tenant. */
export interface EventFacts {
  reporter: MailPerson;
  /** ticket.assigned: the user the event assigned (not whoever holds the ticket by now). */
  assignee: MailPerson | null;
  /** Active users holding tickets:manage: the "agent queue" when no queue address is set. */
  agents: MailPerson[];
  /** Settings → ITSM queue address; replaces the agents for ticket.created. */
  queueEmail: string | null;
  /** ticket.comment_added: the comment as stored (its visibility is what counts). */
  comment: { visibility: "external" | "internal" } | null;
}

export interface Recipient {
  to: string;
  /** null for the queue address, which is no user. */
  userId: string | null;
  name: string;
}

/**
 * Who is emailed about an event (seed, "Email notifications"; product.md §2, "Emails"):
 *   created → reporter + agent queue (the queue address if set, else every agent)
 *   assigned → the assigned agent
 *   comment_added → the reporter, for external comments only (an internal note never reaches them)
 *   status_changed, resolved, closed → the reporter
 * Nobody is emailed about their own action, inactive users never, and each address at most once.
 * A move to resolved or closed raises status_changed AND its own event (eventsForMove): the reporter
 * gets the event's own mail (with the confirm/reject links for resolved), not a second one.
 */
export function recipientsFor(event: TicketEvent, facts: EventFacts): Recipient[] {
  const { reporter } = facts;
  let candidates: (MailPerson | Recipient)[] = [];
  switch (event.name) {
    case "ticket.created":
      candidates = [
        reporter,
        ...(facts.queueEmail ? [{ to: facts.queueEmail, userId: null, name: "Service desk" }] : facts.agents),
      ];
      break;
    case "ticket.assigned":
      candidates = facts.assignee && facts.assignee.id === event.payload.assigneeId ? [facts.assignee] : [];
      break;
    case "ticket.comment_added":
      candidates =
        event.payload.visibility === "external" && facts.comment?.visibility === "external" ? [reporter] : [];
      break;
    case "ticket.status_changed":
      candidates = event.payload.to === "resolved" || event.payload.to === "closed" ? [] : [reporter];
      break;
    case "ticket.resolved":
    case "ticket.closed":
      candidates = [reporter];
      break;
  }
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const c of candidates) {
    const r: Recipient = "to" in c ? c : { to: c.email, userId: c.id, name: c.name };
    if ("active" in c && !c.active) continue;
    if (r.userId !== null && r.userId === event.payload.actorId) continue;
    const key = r.to.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...r, to: r.to.trim() });
  }
  return out;
}

/**
 * The delivery key of one event's mail to one recipient: the outbox row and the user (or the address,
 * for the queue address). The pipeline records deliveries under it, so a retried job never sends twice;
 * ':' is kept out because the pipeline uses it as a separator.
 */
export function deliveryKeyFor(outboxId: string, recipient: Pick<Recipient, "userId" | "to">): string {
  return `${outboxId}-${recipient.userId ?? recipient.to.toLowerCase()}`.replaceAll(":", "_");
}
