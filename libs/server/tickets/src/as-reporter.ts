import type { Status } from "@uslimato/domain";
import type { Actor } from "./ticket-view.ts";

/**
 * The desk portal's actor: agents who open the desk see it as reporters do. Without tickets:manage and
 * tickets:close the services show only the user's own tickets and never an internal note or internal
 * history entry, and offer only the reporter's moves.
 */
export function asReporter(user: Actor): Actor {
  const permissions = new Set(user.permissions);
  permissions.delete("tickets:manage");
  permissions.delete("tickets:close");
  return { tenantId: user.tenantId, userId: user.userId, permissions };
}

export type DeskState = "open" | "done" | "all";

/** The desk list's `state` filter as statuses (undefined: every status). */
export function statusesOfState(state: DeskState): Status[] | undefined {
  if (state === "open") return ["open", "in_progress", "resolved"];
  if (state === "done") return ["closed", "cancelled"];
  return undefined;
}
