import { checkMove, FINAL_STATUSES, formatNumber, type Status } from "@uslimato/domain";
import { AppError, invalidField } from "@uslimato/server-core";
import type { Ticket, TicketPriority, TicketType } from "@uslimato/server-data";
import type { HistoryEntry } from "./history.ts";
import { type Actor, isAgent, type TicketRow } from "./ticket-view.ts";

export interface TicketChange {
  title?: string | undefined;
  description?: string | undefined;
  type?: TicketType | undefined;
  priority?: TicketPriority | undefined;
  status?: Status | undefined;
  /** A user id, or null to unassign. */
  assigneeId?: string | null | undefined;
  assigneeEmail?: string | null | undefined;
  /** Required when cancelling. */
  reason?: string | undefined;
  /** Required when a reporter rejects a resolution; added as an external comment. */
  comment?: string | undefined;
}

/**
 * What one change does to a ticket, worked out before anything is written: the columns of the guarded
 * UPDATE (entity property names), the history entries in order, and the status it ends in.
 */
export interface ChangePlan {
  set: Partial<
    Pick<
      Ticket,
      | "title"
      | "description"
      | "type"
      | "priority"
      | "status"
      | "assigneeId"
      | "resolvedAt"
      | "closedAt"
      | "cancelReason"
    >
  >;
  history: HistoryEntry[];
  status: Status;
}

export const wantsAssignment = (change: TicketChange) =>
  change.assigneeId !== undefined || change.assigneeEmail !== undefined;

/** Refuse edits and assignment by non-agents, and any change to a final (closed, cancelled) ticket. */
export function assertMayChange(row: TicketRow, actor: Actor, change: TicketChange): void {
  const editsFields = [change.title, change.description, change.type, change.priority].some(
    (v) => v !== undefined,
  );
  if ((editsFields || wantsAssignment(change)) && !isAgent(actor))
    throw new AppError("forbidden", "Only agents (tickets:manage) can edit or assign tickets.");
  if (FINAL_STATUSES.has(row.status as Status)) {
    throw new AppError(
      "invalid_transition",
      `Ticket ${formatNumber(row.prefix, row.number)} is ${row.status}: no further changes are allowed.`,
      { extra: { currentStatus: row.status } },
    );
  }
}

/** Title, description, type and priority: each real change is set and gets its "field" entry. */
export function planFieldEdits(row: TicketRow, change: TicketChange): ChangePlan {
  const plan: ChangePlan = { set: {}, history: [], status: row.status as Status };
  for (const field of ["title", "description", "type", "priority"] as const) {
    const value = change[field];
    if (value === undefined || value === row[field]) continue;
    if (field === "title" && !value.trim()) throw invalidField("title", "is required.");
    const next = field === "title" ? value.trim() : value;
    (plan.set as Record<string, string>)[field] = next;
    plan.history.push({ kind: "field", field, old: row[field], new: next });
  }
  return plan;
}

/**
 * The (already resolved) assignee: undefined = no change asked, null = unassign. Picking up, i.e.
 * assigning an agent to an open ticket, starts work on it (open → in_progress).
 */
export function planAssignment(
  plan: ChangePlan,
  row: TicketRow,
  change: TicketChange,
  assigneeId: string | null | undefined,
): void {
  if (assigneeId === undefined || assigneeId === row.assignee_id) return;
  plan.set.assigneeId = assigneeId;
  plan.history.push({ kind: "assignee", old: row.assignee_id, new: assigneeId });
  if (
    assigneeId &&
    plan.status === "open" &&
    (change.status === undefined || change.status === "in_progress")
  ) {
    plan.status = "in_progress";
    plan.history.push({ kind: "status", old: "open", new: "in_progress" });
  }
}

/** The requested status move, checked against the state machine; then the timestamps it implies. */
export function planStatusMove(
  plan: ChangePlan,
  row: TicketRow,
  actor: Actor,
  change: TicketChange,
  now: Date,
): void {
  if (change.status !== undefined && change.status !== plan.status) {
    const check = checkMove(plan.status, change.status, {
      permissions: actor.permissions,
      isReporter: row.reporter_id === actor.userId,
    });
    if (!check.ok) {
      throw new AppError(check.reason === "forbidden" ? "forbidden" : "invalid_transition", check.message, {
        extra: { currentStatus: plan.status, requestedStatus: change.status },
      });
    }
    if (change.status === "cancelled" && !change.reason?.trim())
      throw invalidField("reason", "Say why the ticket is cancelled.");
    if (check.as === "reporter" && change.status === "in_progress" && !change.comment?.trim()) {
      throw invalidField("comment", "Say what is still not solved.");
    }
    plan.history.push({ kind: "status", old: plan.status, new: change.status });
    plan.status = change.status;
  } else if (change.status !== undefined && change.status === row.status && !wantsAssignment(change)) {
    throw new AppError("invalid_transition", `The ticket is already ${row.status}.`, {
      extra: { currentStatus: row.status },
    });
  }
  if (plan.status === row.status) return;
  plan.set.status = plan.status;
  if (plan.status === "resolved") plan.set.resolvedAt = now;
  if (plan.status === "in_progress" && row.status === "resolved") plan.set.resolvedAt = null;
  if (plan.status === "closed" || plan.status === "cancelled") plan.set.closedAt = now;
  if (plan.status === "cancelled") plan.set.cancelReason = change.reason?.trim() ?? null;
}
