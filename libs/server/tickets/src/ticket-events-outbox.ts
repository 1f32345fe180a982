import { eventsForMove, type Status, type TicketEvent, type TicketEventPayloads } from "@uslimato/domain";
import type { EntityManager } from "typeorm";

/** The actor of what the system does on its own (auto-close): a user id no user has, so nobody is skipped. */
export const SYSTEM_ACTOR_ID = "00000000-0000-0000-0000-000000000000";

/**
 * featureEnabled(license, "email_notifications") (libs/domain) as an SQL condition on the tenant `$n`:
 * the license row is active and lists the flag. Read inside the writing statement, so the check costs
 * no round trip and sees the license as the transaction does; flag off → no outbox row, nothing queued.
 */
export const emailNotificationsOn = (tenantParam: string) =>
  `exists (select 1 from itsm_licenses l where l.tenant_id = ${tenantParam} and l.active and 'email_notifications' = any(l.flags))`;

/**
 * The outbox insert of ticket.created, a CTE of CREATE_TICKET_SQL (`ticket` is the inserted row, `$1`
 * the tenant and `$9` the actor), so that creation stays one statement.
 */
export const CREATED_EVENT_CTE = `
  events as (
    insert into outbox (tenant_id, event, payload)
    select tenant_id, 'ticket.created',
           jsonb_build_object('tenantId', tenant_id, 'ticketId', id, 'actorId', $9::uuid, 'occurredAt', created_at)
    from ticket
    where ${emailNotificationsOn("$1")}
  )`;

/**
 * Write ticket events as outbox rows in the caller's (tenant) transaction: the change and its events
 * commit or roll back together. One statement, whatever the number of events.
 */
export async function recordTicketEvents(em: EntityManager, tenantId: string, events: TicketEvent[]) {
  if (events.length === 0) return;
  await em.query(
    `insert into outbox (tenant_id, event, payload)
     select $1, e.event, e.payload
     from unnest($2::text[], $3::jsonb[]) as e(event, payload)
     where ${emailNotificationsOn("$1")}`,
    [tenantId, events.map((e) => e.name), events.map((e) => JSON.stringify(e.payload))],
  );
}

type Base = Pick<TicketEventPayloads["ticket.created"], "tenantId" | "ticketId" | "actorId" | "occurredAt">;

/** The events of one status move (eventsForMove): status_changed, plus resolved or closed. */
export function moveEvents(base: Base, from: Status, to: Status): TicketEvent[] {
  return eventsForMove(to).map((name): TicketEvent => {
    if (name === "ticket.resolved") return { name, payload: { ...base, from } };
    if (name === "ticket.closed") return { name, payload: { ...base, from } };
    return { name: "ticket.status_changed", payload: { ...base, from, to } };
  });
}
