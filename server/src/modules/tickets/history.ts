import type { Tx } from "../../db/database.ts";
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
  tx: Tx,
  actor: Actor | null,
  tenantId: string,
  ticketId: string,
  entries: HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insertInto("ticket_history")
    .values(
      entries.map((e) => ({
        tenant_id: tenantId,
        ticket_id: ticketId,
        actor_id: actor?.userId ?? null,
        kind: e.kind,
        field: e.field ?? null,
        old_value: e.old ?? null,
        new_value: e.new ?? null,
        internal: e.internal ?? false,
      })),
    )
    .execute();
}
