import { sql } from "kysely";
import { type Db, inTenant, type Tx } from "../../db/database.ts";
import { AppError, invalidField } from "../../http/errors.ts";
import { type HistoryEntry, recordHistory } from "./history.ts";
import { checkMove, FINAL_STATUSES, type Status } from "./ticket-status.ts";
import { type Actor, isAgent, loadTicket, type TicketRow, type TicketView, toView } from "./ticket-view.ts";

export interface TicketChange {
  title?: string | undefined;
  description?: string | undefined;
  type?: "incident" | "service_request" | undefined;
  priority?: "low" | "medium" | "high" | "critical" | undefined;
  status?: Status | undefined;
  /** A user id, or null to unassign. */
  assigneeId?: string | null | undefined;
  assigneeEmail?: string | null | undefined;
  /** Required when cancelling. */
  reason?: string | undefined;
  /** Required when a reporter rejects a resolution; added as an external comment. */
  comment?: string | undefined;
}

function assertNotFinal(row: TicketRow): void {
  if (FINAL_STATUSES.has(row.status as Status)) {
    throw new AppError(
      "invalid_transition",
      `Ticket ${row.prefix}-${String(row.number).padStart(6, "0")} is ${row.status}: no further changes are allowed.`,
      {
        extra: { currentStatus: row.status },
      },
    );
  }
}

async function resolveAssignee(tx: Tx, change: TicketChange): Promise<string | null | undefined> {
  if (change.assigneeId === undefined && change.assigneeEmail === undefined) return undefined;
  if (change.assigneeId === null || change.assigneeEmail === null) return null;
  const field = change.assigneeId !== undefined ? "assignee_id" : "assignee_email";
  const user = await sql<{ id: string }>`
    select u.id from users u
    where u.active and ${change.assigneeId !== undefined ? sql`u.id = ${change.assigneeId}` : sql`lower(u.email) = ${(change.assigneeEmail ?? "").toLowerCase()}`}
      and exists (select 1 from group_members gm
                  join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
                  where gm.tenant_id = u.tenant_id and gm.user_id = u.id and gp.permission = 'tickets:manage')`.execute(
    tx,
  );
  if (!user.rows[0])
    throw invalidField(field, "is not an agent: only active users holding tickets:manage can be assigned.");
  return user.rows[0].id;
}

/**
 * Every change to a ticket: field edits, assignment (picking up an open ticket moves it to
 * in_progress), status moves per the state machine. One transaction: the row is locked, each change
 * gets its history entry, and the final UPDATE is guarded by the status read, so two agents racing
 * cannot both win (the loser gets 409).
 */
export async function changeTicket(
  db: Db,
  actor: Actor,
  idOrNumber: string,
  change: TicketChange,
): Promise<TicketView> {
  return inTenant(db, actor.tenantId, async (tx) => {
    const row = await loadTicket(tx, actor, idOrNumber, true);
    const agent = isAgent(actor);
    const isReporter = row.reporter_id === actor.userId;
    const editsFields = [change.title, change.description, change.type, change.priority].some(
      (v) => v !== undefined,
    );
    const wantsAssign = change.assigneeId !== undefined || change.assigneeEmail !== undefined;
    if ((editsFields || wantsAssign) && !agent)
      throw new AppError("forbidden", "Only agents (tickets:manage) can edit or assign tickets.");
    assertNotFinal(row);

    const history: HistoryEntry[] = [];
    const set: Record<string, unknown> = {};
    for (const field of ["title", "description", "type", "priority"] as const) {
      const value = change[field];
      if (value === undefined || value === row[field]) continue;
      if (field === "title" && !value.trim()) throw invalidField("title", "is required.");
      set[field] = field === "title" ? value.trim() : value;
      history.push({ kind: "field", field, old: row[field], new: set[field] as string });
    }

    let status = row.status as Status;
    const assigneeId = await resolveAssignee(tx, change);
    if (assigneeId !== undefined && assigneeId !== row.assignee_id) {
      set.assignee_id = assigneeId;
      history.push({ kind: "assignee", old: row.assignee_id, new: assigneeId });
      // Picking up: assigning an agent to an open ticket starts work on it.
      if (
        assigneeId &&
        status === "open" &&
        (change.status === undefined || change.status === "in_progress")
      ) {
        status = "in_progress";
        history.push({ kind: "status", old: "open", new: "in_progress" });
      }
    }

    if (change.status !== undefined && change.status !== status) {
      const check = checkMove(status, change.status, { permissions: actor.permissions, isReporter });
      if (!check.ok) {
        throw new AppError(check.reason === "forbidden" ? "forbidden" : "invalid_transition", check.message, {
          extra: { currentStatus: status, requestedStatus: change.status },
        });
      }
      if (change.status === "cancelled" && !change.reason?.trim())
        throw invalidField("reason", "Say why the ticket is cancelled.");
      if (check.as === "reporter" && change.status === "in_progress" && !change.comment?.trim()) {
        throw invalidField("comment", "Say what is still not solved.");
      }
      history.push({ kind: "status", old: status, new: change.status });
      status = change.status;
    } else if (change.status !== undefined && change.status === row.status && !wantsAssign) {
      throw new AppError("invalid_transition", `The ticket is already ${row.status}.`, {
        extra: { currentStatus: row.status },
      });
    }

    if (status !== row.status) {
      set.status = status;
      if (status === "resolved") set.resolved_at = new Date();
      if (status === "in_progress" && row.status === "resolved") set.resolved_at = null;
      if (status === "closed" || status === "cancelled") set.closed_at = new Date();
      if (status === "cancelled") set.cancel_reason = change.reason?.trim() ?? null;
    }
    if (history.length === 0) return toView(row);

    set.updated_at = new Date();
    const updated = await tx
      .updateTable("tickets")
      .set(set)
      .where("id", "=", row.id)
      .where("status", "=", row.status)
      .returning("id")
      .executeTakeFirst();
    if (!updated)
      throw new AppError(
        "conflict",
        "Someone else changed this ticket at the same moment. Reload it and try again.",
      );
    if (change.comment?.trim() && status !== row.status) {
      await tx
        .insertInto("ticket_comments")
        .values({
          tenant_id: actor.tenantId,
          ticket_id: row.id,
          author_id: actor.userId,
          visibility: "external",
          body: change.comment.trim(),
        })
        .execute();
      history.push({ kind: "comment", new: "external" });
    }
    await recordHistory(tx, actor, actor.tenantId, row.id, history);
    return toView(await loadTicket(tx, actor, row.id));
  });
}
