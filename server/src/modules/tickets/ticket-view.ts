import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { notFound } from "../../http/errors.ts";
import { formatNumber, parseNumber } from "./numbering.ts";
import type { Status } from "./ticket-status.ts";

/** Who acts on tickets: a signed-in user, or (Public API) a key acting for its owner. */
export interface Actor {
  tenantId: string;
  userId: string;
  permissions: ReadonlySet<string>;
}

export const isAgent = (actor: Actor) => actor.permissions.has("tickets:manage");

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** The ticket JSON of the API contract (product.md §3), also used by the web app. */
export interface TicketView {
  id: string;
  number: string;
  type: "incident" | "service_request";
  status: Status;
  priority: "low" | "medium" | "high" | "critical";
  title: string;
  description: string;
  reporter: PersonRef;
  assignee: PersonRef | null;
  asset_id: string | null;
  movement_id: string | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

/** Selects a ticket with its reporter and assignee; callers add where/order/limit. */
export function ticketQuery(tx: Tx) {
  return tx
    .selectFrom("tickets as t")
    .innerJoin("users as r", (j) =>
      j.onRef("r.tenant_id", "=", "t.tenant_id").onRef("r.id", "=", "t.reporter_id"),
    )
    .leftJoin("users as a", (j) =>
      j.onRef("a.tenant_id", "=", "t.tenant_id").onRef("a.id", "=", "t.assignee_id"),
    )
    .select([
      "t.id",
      "t.number",
      "t.prefix",
      "t.type",
      "t.status",
      "t.priority",
      "t.title",
      "t.description",
      "t.reporter_id",
      "r.name as reporter_name",
      "r.email as reporter_email",
      "t.assignee_id",
      "a.name as assignee_name",
      "a.email as assignee_email",
      "t.asset_id",
      "t.movement_id",
      "t.cancel_reason",
      "t.created_at",
      "t.updated_at",
      "t.resolved_at",
      "t.closed_at",
    ]);
}

export type TicketRow = Awaited<ReturnType<ReturnType<typeof ticketQuery>["executeTakeFirstOrThrow"]>>;

export function toView(row: TicketRow): TicketView {
  return {
    id: row.id,
    number: formatNumber(row.prefix, row.number),
    type: row.type as TicketView["type"],
    status: row.status as Status,
    priority: row.priority as TicketView["priority"],
    title: row.title,
    description: row.description,
    reporter: { id: row.reporter_id, name: row.reporter_name, email: row.reporter_email },
    assignee: row.assignee_id
      ? { id: row.assignee_id, name: row.assignee_name ?? "", email: row.assignee_email ?? "" }
      : null,
    asset_id: row.asset_id,
    movement_id: row.movement_id,
    cancel_reason: row.cancel_reason,
    created_at: row.created_at,
    updated_at: row.updated_at,
    resolved_at: row.resolved_at,
    closed_at: row.closed_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Load a ticket by id or number ("TKT-000042") as `actor` may see it. Agents see every ticket of the
 * tenant; anyone else only the tickets they reported. "Not yours" and "does not exist" are the same 404.
 * `forUpdate` locks the row for the rest of the transaction.
 */
export async function loadTicket(
  tx: Tx,
  actor: Actor,
  idOrNumber: string,
  forUpdate = false,
): Promise<TicketRow> {
  let q = ticketQuery(tx);
  if (UUID.test(idOrNumber)) {
    q = q.where("t.id", "=", idOrNumber.toLowerCase());
  } else {
    const parsed = parseNumber(idOrNumber);
    if (!parsed) throw notFound(`The ticket ${idOrNumber}`);
    q = q.where("t.number", "=", parsed.n).where(sql<string>`upper(t.prefix)`, "=", parsed.prefix);
  }
  if (!isAgent(actor)) q = q.where("t.reporter_id", "=", actor.userId);
  if (forUpdate) q = q.forUpdate("t");
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`The ticket ${idOrNumber}`);
  return row;
}
