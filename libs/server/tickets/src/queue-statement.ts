import { parseNumber, type Status } from "@uslimato/domain";
import type { TicketPriority, TicketType } from "@uslimato/server-data";
import { decodeCursor } from "./queue-cursor.ts";
import { type Actor, isAgent, type TicketView } from "./ticket-view.ts";

export type Sort = "newest" | "oldest";

export interface QueueQuery {
  status?: Status[] | undefined;
  type?: TicketType | undefined;
  priority?: TicketPriority[] | undefined;
  /** "me", "unassigned", "any" (default), a user id or an email. */
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

export const DEFAULT_PAGE_SIZE = 25;

const ID_LIKE = /^[0-9a-f-]{36}$/i;

/** The columns of a TicketRow (ticket-view.ts), for the hand-written statements. */
export const TICKET_ROW_COLUMNS = `t.id, t.number, t.prefix, t.type, t.status, t.priority, t.title, t.description,
  t.reporter_id, r.name as reporter_name, r.email as reporter_email,
  t.assignee_id, a.name as assignee_name, a.email as assignee_email,
  t.asset_id, t.movement_id, t.cancel_reason, t.created_at, t.updated_at, t.resolved_at, t.closed_at`;

/**
 * The queue as ONE statement: filters, then keyset pagination on (created_at, id) so every page costs
 * the same however deep, backed by the (tenant_id, status, created_at, id) index. One row more than the
 * page is read to know whether there is a next page. Non-agents only ever see their own tickets.
 * Every value is a parameter; the only spliced text is a constant chosen here (the sort direction).
 */
export function queueStatement(actor: Actor, query: QueueQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const desc = (query.sort ?? "newest") === "newest";
  const where = [`t.tenant_id = ${param(actor.tenantId)}`];
  if (query.mine || !isAgent(actor)) where.push(`t.reporter_id = ${param(actor.userId)}`);
  // One status as `=`: the planner then reads the (tenant_id, status, created_at, id) index in order and
  // stops after the page; with `= any(array)` it walks all the tenant's newest tickets and filters.
  if (query.status?.length === 1) where.push(`t.status = ${param(query.status[0])}`);
  else if (query.status?.length) where.push(`t.status = any(${param(query.status)}::text[])`);
  if (query.type) where.push(`t.type = ${param(query.type)}`);
  if (query.priority?.length) where.push(`t.priority = any(${param(query.priority)}::text[])`);
  if (query.assignee === "me") where.push(`t.assignee_id = ${param(actor.userId)}`);
  else if (query.assignee === "unassigned") where.push("t.assignee_id is null");
  else if (query.assignee && query.assignee !== "any") {
    where.push(
      ID_LIKE.test(query.assignee)
        ? `t.assignee_id = ${param(query.assignee)}`
        : `a.email = ${param(query.assignee)}`,
    );
  }
  if (query.reporter) {
    where.push(
      ID_LIKE.test(query.reporter)
        ? `t.reporter_id = ${param(query.reporter)}`
        : `lower(r.email) = ${param(query.reporter.toLowerCase())}`,
    );
  }
  const text = query.q?.trim();
  if (text) {
    const number = parseNumber(text) ?? (/^\d{1,15}$/.test(text) ? { n: Number(text) } : null);
    const words = `to_tsvector('simple', t.title || ' ' || t.description) @@ plainto_tsquery('simple', ${param(text)})`;
    where.push(number ? `(t.number = ${param(number.n)} or ${words})` : words);
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(
      `(t.created_at, t.id) ${desc ? "<" : ">"} (${param(c.createdAt)}::timestamptz, ${param(c.id)}::uuid)`,
    );
  }
  const direction = desc ? "desc" : "asc";
  const sql = `select ${TICKET_ROW_COLUMNS}
    from tickets t
    join users r on r.tenant_id = t.tenant_id and r.id = t.reporter_id
    left join users a on a.tenant_id = t.tenant_id and a.id = t.assignee_id
    where ${where.join(" and ")}
    order by t.created_at ${direction}, t.id ${direction}
    limit ${param((query.limit ?? DEFAULT_PAGE_SIZE) + 1)}`;
  return { sql, params };
}
