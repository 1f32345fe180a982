import { sql } from "kysely";
import { type Db, inTenant, type Tx } from "../../db/database.ts";
import { AppError, invalidField } from "../../http/errors.ts";
import type { LicenseState } from "../licensing/features.ts";
import { featureEnabled } from "../licensing/features.ts";
import { type Actor, isAgent, type TicketRow, type TicketView, toView } from "./ticket-view.ts";

export interface NewTicket {
  title: string;
  description: string;
  type: "incident" | "service_request";
  priority?: "low" | "medium" | "high" | "critical" | undefined;
  /** An agent filing on behalf of someone; defaults to the actor. */
  reporterId?: string | undefined;
  reporterEmail?: string | undefined;
  assetId?: string | null | undefined;
  movementId?: string | null | undefined;
}

/**
 * Create a ticket: take the next number from the tenant's counter row (locked until commit, so numbers
 * are gapless and never reused even across processes), insert the ticket and its "created" history row,
 * all in one transaction.
 */
export async function createTicket(
  db: Db,
  actor: Actor,
  license: LicenseState | null,
  input: NewTicket,
  options: { beforeCommit?: (tx: Tx, ticket: TicketView) => Promise<void> } = {},
): Promise<TicketView> {
  const title = input.title.trim();
  if (!title) throw invalidField("title", "is required.");
  return inTenant(db, actor.tenantId, async (tx) => {
    let reporterId = actor.userId;
    if (input.reporterId || input.reporterEmail) {
      let q = tx.selectFrom("users").select(["id"]).where("active", "=", true);
      q = input.reporterId
        ? q.where("id", "=", input.reporterId)
        : q.where(sql<string>`lower(email)`, "=", (input.reporterEmail ?? "").toLowerCase());
      const reporter = await q.executeTakeFirst();
      const field = input.reporterId ? "reporter_id" : "reporter_email";
      if (!reporter) throw invalidField(field, "is not an active user of this tenant.");
      if (reporter.id !== actor.userId && !isAgent(actor)) {
        throw new AppError(
          "forbidden",
          "Only agents (tickets:manage) can file a ticket on behalf of someone else.",
        );
      }
      reporterId = reporter.id;
    }
    // With the flag off the link is ignored, as product.md §2 says.
    const assetId = featureEnabled(license, "asset_integration") ? (input.assetId ?? null) : null;
    const movementId = featureEnabled(license, "movement_link") ? (input.movementId ?? null) : null;
    // Counter, ticket and its "created" history row in one statement (one round trip); the counter row
    // stays locked until commit.
    const { rows } = await sql<TicketRow>`
      with counter as (
        insert into itsm_settings (tenant_id, last_ticket_number) values (${actor.tenantId}, 1)
        on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1
        returning last_ticket_number, ticket_prefix
      ), ticket as (
        insert into tickets (tenant_id, number, prefix, type, title, description, priority, reporter_id, asset_id, movement_id)
        select ${actor.tenantId}, last_ticket_number, ticket_prefix, ${input.type}, ${title}, ${input.description},
               ${input.priority ?? "medium"}, ${reporterId}, ${assetId}, ${movementId}
        from counter
        returning *
      ), history as (
        insert into ticket_history (tenant_id, ticket_id, actor_id, kind, new_value)
        select tenant_id, id, ${actor.userId}, 'created', 'open' from ticket
      )
      select t.id, t.number, t.prefix, t.type, t.status, t.priority, t.title, t.description, t.reporter_id,
             r.name as reporter_name, r.email as reporter_email, t.assignee_id, null as assignee_name,
             null as assignee_email, t.asset_id, t.movement_id, t.cancel_reason, t.created_at, t.updated_at,
             t.resolved_at, t.closed_at
      from ticket t join users r on r.tenant_id = t.tenant_id and r.id = t.reporter_id`.execute(tx);
    const ticket = toView(rows[0] as TicketRow);
    // E.g. the Public API's idempotency record, committed together with the ticket.
    await options.beforeCommit?.(tx, ticket);
    return ticket;
  });
}
