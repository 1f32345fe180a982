import { sql } from "kysely";
import { type Db, inTenant } from "../../db/database.ts";
import { invalidField } from "../../http/errors.ts";
import { parseNumber } from "./numbering.ts";
import { STATUSES, type Status } from "./ticket-status.ts";
import { type Actor, isAgent, type TicketView, ticketQuery, toView } from "./ticket-view.ts";

export type Sort = "newest" | "oldest";

export interface QueueQuery {
  status?: Status[] | undefined;
  type?: "incident" | "service_request" | undefined;
  priority?: ("low" | "medium" | "high" | "critical")[] | undefined;
  /** "me", "unassigned", "any" (default) or a user id. */
  assignee?: string | undefined;
  /** A reporter's user id or email. */
  reporter?: string | undefined;
  /** Only the actor's own reported tickets (the desk portal). */
  mine?: boolean | undefined;
  /** A ticket number, or words in the title or description. */
  q?: string | undefined;
  sort?: Sort | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface QueuePage {
  data: TicketView[];
  next_cursor: string | null;
}

/** Opaque keyset cursor: the (created_at, id) of the last row shown. Anything else is refused. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      !Number.isNaN(Date.parse(value[0])) &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw invalidField("cursor", "is not a cursor this API gave out. Start again without it.");
}

/**
 * The queue: filtered, keyset-paginated on (created_at, id) so every page costs the same however deep,
 * backed by the (tenant_id, status, created_at, id) index. Non-agents only ever see their own tickets.
 */
export async function listTickets(db: Db, actor: Actor, query: QueueQuery): Promise<QueuePage> {
  const limit = query.limit ?? 25;
  const desc = (query.sort ?? "newest") === "newest";
  return inTenant(
    db,
    actor.tenantId,
    async (tx) => {
      let q = ticketQuery(tx).where("t.tenant_id", "=", actor.tenantId);
      if (query.mine || !isAgent(actor)) q = q.where("t.reporter_id", "=", actor.userId);
      if (query.status?.length) q = q.where("t.status", "in", query.status);
      if (query.type) q = q.where("t.type", "=", query.type);
      if (query.priority?.length) q = q.where("t.priority", "in", query.priority);
      if (query.assignee === "me") q = q.where("t.assignee_id", "=", actor.userId);
      else if (query.assignee === "unassigned") q = q.where("t.assignee_id", "is", null);
      else if (query.assignee && query.assignee !== "any") {
        if (!/^[0-9a-f-]{36}$/i.test(query.assignee)) {
          q = q.where("a.email", "=", query.assignee);
        } else q = q.where("t.assignee_id", "=", query.assignee);
      }
      if (query.reporter) {
        q = /^[0-9a-f-]{36}$/i.test(query.reporter)
          ? q.where("t.reporter_id", "=", query.reporter)
          : q.where(sql<string>`lower(r.email)`, "=", query.reporter.toLowerCase());
      }
      const text = query.q?.trim();
      if (text) {
        const number =
          parseNumber(text) ?? (/^\d{1,15}$/.test(text) ? { n: Number(text), prefix: null } : null);
        const words = sql`to_tsvector('simple', t.title || ' ' || t.description) @@ plainto_tsquery('simple', ${text})`;
        q = number
          ? q.where((eb) => eb.or([eb("t.number", "=", number.n), sql<boolean>`${words}`]))
          : q.where(sql<boolean>`${words}`);
      }
      if (query.cursor) {
        const c = decodeCursor(query.cursor);
        q = q.where(
          sql<boolean>`(t.created_at, t.id) ${sql.raw(desc ? "<" : ">")} (${c.createdAt}::timestamptz, ${c.id}::uuid)`,
        );
      }
      const rows = await q
        .orderBy("t.created_at", desc ? "desc" : "asc")
        .orderBy("t.id", desc ? "desc" : "asc")
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        data: page.map(toView),
        next_cursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
      };
    },
    { readOnly: true },
  );
}

/** Tickets per status for the queue header, from the trigger-maintained table (no COUNT over tickets). */
export async function statusCounts(db: Db, actor: Actor): Promise<Record<Status, number>> {
  const rows = await inTenant(db, actor.tenantId, (tx) =>
    tx.selectFrom("ticket_status_counts").select(["status", "n"]).execute(),
  );
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of rows) counts[r.status as Status] = Number(r.n);
  return counts;
}
