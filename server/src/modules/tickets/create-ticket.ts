import { sql } from "kysely";
import { type Db, inTenant } from "../../db/database.ts";
import { AppError, invalidField } from "../../http/errors.ts";
import type { LicenseState } from "../licensing/features.ts";
import { featureEnabled } from "../licensing/features.ts";
import { recordHistory } from "./history.ts";
import { type Actor, isAgent, loadTicket, type TicketView, toView } from "./ticket-view.ts";

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
    const counter = await sql<{ n: number; prefix: string }>`
      insert into itsm_settings (tenant_id, last_ticket_number) values (${actor.tenantId}, 1)
      on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1
      returning last_ticket_number as n, ticket_prefix as prefix`.execute(tx);
    const { n, prefix } = counter.rows[0] as { n: number; prefix: string };
    const { id } = await tx
      .insertInto("tickets")
      .values({
        tenant_id: actor.tenantId,
        number: n,
        prefix,
        type: input.type,
        title,
        description: input.description,
        priority: input.priority ?? "medium",
        reporter_id: reporterId,
        assignee_id: null,
        asset_id: assetId,
        movement_id: movementId,
        cancel_reason: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordHistory(tx, actor, actor.tenantId, id, [{ kind: "created", new: "open" }]);
    return toView(await loadTicket(tx, { ...actor, permissions: new Set(["tickets:manage"]) }, id));
  });
}
