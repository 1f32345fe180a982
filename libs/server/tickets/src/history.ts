import { TicketHistoryEntry } from "@uslimato/server-data";
import type { EntityManager } from "typeorm";
import type { Actor } from "./ticket-view.ts";

export type HistoryKind = "created" | "status" | "assignee" | "field" | "comment" | "link";

export interface HistoryEntry {
  kind: HistoryKind;
  field?: string;
  old?: string | null;
  new?: string | null;
  internal?: boolean;
}

/** Append immutable history rows in the caller's transaction (the same one that made the change). */
export async function recordHistory(
  em: EntityManager,
  actor: Actor | null,
  tenantId: string,
  ticketId: string,
  entries: HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  // One multi-row INSERT: the rows get their seq in this order.
  await em.getRepository(TicketHistoryEntry).insert(
    entries.map((e) => ({
      tenantId,
      ticketId,
      actorId: actor?.userId ?? null,
      kind: e.kind,
      field: e.field ?? null,
      oldValue: e.old ?? null,
      newValue: e.new ?? null,
      internal: e.internal ?? false,
    })),
  );
}
