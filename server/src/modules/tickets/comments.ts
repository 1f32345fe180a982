import { type Db, inTenant, type Tx } from "../../db/database.ts";
import { AppError, invalidField } from "../../http/errors.ts";
import { recordHistory } from "./history.ts";
import { FINAL_STATUSES, type Status } from "./ticket-status.ts";
import { type Actor, isAgent, loadTicket } from "./ticket-view.ts";

export type Visibility = "external" | "internal";

export interface CommentView {
  id: string;
  body: string;
  visibility: Visibility;
  author: { id: string; name: string } | null;
  created_at: Date;
}

/** Agents write internal notes or external replies; a reporter writes external comments on their own ticket. */
export async function addComment(
  db: Db,
  actor: Actor,
  idOrNumber: string,
  input: { body: string; visibility: Visibility },
  options: { beforeCommit?: (tx: Tx, comment: CommentView) => Promise<void> } = {},
): Promise<CommentView> {
  const body = input.body.trim();
  if (!body) throw invalidField("body", "is required.");
  if (input.visibility === "internal" && !isAgent(actor))
    throw new AppError("forbidden", "Only agents (tickets:manage) can write internal notes.");
  return inTenant(db, actor.tenantId, async (tx) => {
    const row = await loadTicket(tx, actor, idOrNumber, true);
    if (FINAL_STATUSES.has(row.status as Status)) {
      throw new AppError(
        "invalid_transition",
        `This ticket is ${row.status}: no further comments are allowed.`,
        { extra: { currentStatus: row.status } },
      );
    }
    const comment = await tx
      .insertInto("ticket_comments")
      .values({
        tenant_id: actor.tenantId,
        ticket_id: row.id,
        author_id: actor.userId,
        visibility: input.visibility,
        body,
      })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    await tx.updateTable("tickets").set({ updated_at: new Date() }).where("id", "=", row.id).execute();
    await recordHistory(tx, actor, actor.tenantId, row.id, [
      { kind: "comment", new: input.visibility, internal: input.visibility === "internal" },
    ]);
    const author = await tx
      .selectFrom("users")
      .select(["id", "name"])
      .where("id", "=", actor.userId)
      .executeTakeFirst();
    const view: CommentView = {
      id: comment.id,
      body,
      visibility: input.visibility,
      author: author ?? null,
      created_at: comment.created_at,
    };
    // E.g. the Public API's idempotency record, committed together with the comment.
    await options.beforeCommit?.(tx, view);
    return view;
  });
}

export async function listComments(db: Db, actor: Actor, idOrNumber: string): Promise<CommentView[]> {
  return inTenant(db, actor.tenantId, async (tx) => {
    const row = await loadTicket(tx, actor, idOrNumber);
    let q = tx
      .selectFrom("ticket_comments as c")
      .leftJoin("users as u", (j) =>
        j.onRef("u.tenant_id", "=", "c.tenant_id").onRef("u.id", "=", "c.author_id"),
      )
      .select([
        "c.id",
        "c.body",
        "c.visibility",
        "c.created_at",
        "u.id as author_id",
        "u.name as author_name",
      ])
      .where("c.ticket_id", "=", row.id)
      .orderBy("c.created_at")
      .orderBy("c.id");
    if (!isAgent(actor)) q = q.where("c.visibility", "=", "external");
    return (await q.execute()).map((c) => ({
      id: c.id,
      body: c.body,
      visibility: c.visibility as Visibility,
      author: c.author_id ? { id: c.author_id, name: c.author_name ?? "" } : null,
      created_at: c.created_at,
    }));
  });
}

export interface HistoryView {
  id: string;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  internal: boolean;
  actor: { id: string; name: string } | null;
  created_at: Date;
}

/** The ticket's history; a reporter never sees internal entries. Assignee ids are shown as names. */
export async function listHistory(db: Db, actor: Actor, idOrNumber: string): Promise<HistoryView[]> {
  return inTenant(db, actor.tenantId, async (tx) => {
    const row = await loadTicket(tx, actor, idOrNumber);
    let q = tx
      .selectFrom("ticket_history as h")
      .leftJoin("users as u", (j) =>
        j.onRef("u.tenant_id", "=", "h.tenant_id").onRef("u.id", "=", "h.actor_id"),
      )
      .select([
        "h.id",
        "h.kind",
        "h.field",
        "h.old_value",
        "h.new_value",
        "h.internal",
        "h.created_at",
        "u.id as actor_id",
        "u.name as actor_name",
      ])
      .where("h.ticket_id", "=", row.id)
      .orderBy("h.seq");
    if (!isAgent(actor)) q = q.where("h.internal", "=", false);
    const entries = await q.execute();
    const userIds = [
      ...new Set(
        entries
          .filter((e) => e.kind === "assignee")
          .flatMap((e) => [e.old_value, e.new_value])
          .filter((v): v is string => !!v),
      ),
    ];
    const names = new Map<string, string>();
    if (userIds.length) {
      for (const u of await tx
        .selectFrom("users")
        .select(["id", "name"])
        .where("id", "in", userIds)
        .execute())
        names.set(u.id, u.name);
    }
    const show = (kind: string, v: string | null) => (kind === "assignee" && v ? (names.get(v) ?? v) : v);
    return entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      field: e.field,
      old_value: show(e.kind, e.old_value),
      new_value: show(e.kind, e.new_value),
      internal: e.internal,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? "" } : null,
      created_at: e.created_at,
    }));
  });
}
