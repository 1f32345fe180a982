import { parseNumber } from "@uslimato/domain";
import { notFound } from "@uslimato/server-core";
import { Asset, AssetMovement, Ticket, User } from "@uslimato/server-data";
import type { EntityManager } from "typeorm";
import { type Actor, isAgent, type TicketRow } from "./ticket-view.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** [entity property path, TicketRow column] of the ticket with its reporter (r) and assignee (a). */
const ROW_SELECTION: readonly [string, keyof TicketRow][] = [
  ["t.id", "id"],
  ["t.number", "number"],
  ["t.prefix", "prefix"],
  ["t.type", "type"],
  ["t.status", "status"],
  ["t.priority", "priority"],
  ["t.title", "title"],
  ["t.description", "description"],
  ["t.reporterId", "reporter_id"],
  ["r.name", "reporter_name"],
  ["r.email", "reporter_email"],
  ["t.assigneeId", "assignee_id"],
  ["a.name", "assignee_name"],
  ["a.email", "assignee_email"],
  ["t.assetId", "asset_id"],
  ["t.movementId", "movement_id"],
  ["x.name", "asset_name"],
  ["x.assetTag", "asset_tag"],
  ["t.assetSnapshot", "asset_snapshot"],
  ["m.movedAt", "movement_moved_at"],
  ["m.fromLocation", "movement_from"],
  ["m.toLocation", "movement_to"],
  ["t.cancelReason", "cancel_reason"],
  ["t.createdAt", "created_at"],
  ["t.updatedAt", "updated_at"],
  ["t.resolvedAt", "resolved_at"],
  ["t.closedAt", "closed_at"],
];

/** Selects tickets (alias t) with their reporter, assignee, asset (x) and movement (m) as TicketRows; callers add where/lock. */
export function ticketQuery(em: EntityManager) {
  const q = em
    .createQueryBuilder(Ticket, "t")
    .innerJoin(User, "r", "r.tenantId = t.tenantId and r.id = t.reporterId")
    .leftJoin(User, "a", "a.tenantId = t.tenantId and a.id = t.assigneeId")
    .leftJoin(Asset, "x", "x.tenantId = t.tenantId and x.id = t.assetId")
    .leftJoin(AssetMovement, "m", "m.tenantId = t.tenantId and m.id = t.movementId")
    .select([]);
  for (const [path, column] of ROW_SELECTION) q.addSelect(path, column);
  return q;
}

/**
 * Load a ticket by id or number ("TKT-000042") as `actor` may see it. Agents see every ticket of the
 * tenant; anyone else only the tickets they reported. "Not yours" and "does not exist" are the same 404.
 * `forUpdate` locks the ticket's row for the rest of the transaction.
 */
export async function loadTicket(
  em: EntityManager,
  actor: Actor,
  idOrNumber: string,
  forUpdate = false,
): Promise<TicketRow> {
  const q = ticketQuery(em);
  if (UUID.test(idOrNumber)) {
    q.where("t.id = :id", { id: idOrNumber.toLowerCase() });
  } else {
    const parsed = parseNumber(idOrNumber);
    if (!parsed) throw notFound(`The ticket ${idOrNumber}`);
    q.where("t.number = :n and upper(t.prefix) = :prefix", parsed);
  }
  if (!isAgent(actor)) q.andWhere("t.reporterId = :userId", { userId: actor.userId });
  // OF t: the outer joins' sides (assignee, asset, movement) cannot (and need not) be locked.
  if (forUpdate) q.setLock("pessimistic_write", undefined, ["t"]);
  const row = await q.getRawOne<TicketRow>();
  if (!row) throw notFound(`The ticket ${idOrNumber}`);
  return row;
}
