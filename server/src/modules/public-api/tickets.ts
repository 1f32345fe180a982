import type { Db } from "../../db/database.ts";
import { inTenant } from "../../db/database.ts";
import type { ApiKeyCaller } from "../../http/access.ts";
import { changeTicket, type TicketChange } from "../tickets/change-ticket.ts";
import { addComment, type CommentView, listComments, type Visibility } from "../tickets/comments.ts";
import { createTicket, type NewTicket } from "../tickets/create-ticket.ts";
import { listTickets, type QueuePage } from "../tickets/queue.ts";
import type { Status } from "../tickets/ticket-status.ts";
import { type Actor, loadTicket, type TicketView, toView } from "../tickets/ticket-view.ts";
import { type CursorSigner, cursorContext } from "./cursor.ts";
import { type IdempotentResult, requestHash, runIdempotent } from "./idempotency.ts";

/**
 * The Public API's ticket operations: the same services, state machine and permission table as the web
 * app, called as the key's owner with the permissions the key may use (scopes.ts). What is added here
 * is only API mechanics: signed cursors and Idempotency-Key.
 */
export function actorOf(caller: ApiKeyCaller): Actor {
  return { tenantId: caller.tenantId, userId: caller.userId, permissions: caller.permissions };
}

export interface TicketFilters {
  status?: Status[] | undefined;
  type?: "incident" | "service_request" | undefined;
  assignee?: string | undefined;
  reporter?: string | undefined;
  q?: string | undefined;
}

export async function listPublicTickets(
  db: Db,
  cursors: CursorSigner,
  caller: ApiKeyCaller,
  query: TicketFilters & { limit: number; cursor?: string | undefined },
): Promise<QueuePage> {
  const filters: TicketFilters = {
    status: query.status,
    type: query.type,
    assignee: query.assignee,
    reporter: query.reporter,
    q: query.q,
  };
  const context = cursorContext(caller.tenantId, filters as Record<string, unknown>);
  const cursor = query.cursor ? cursors.open(query.cursor, context) : undefined;
  const page = await listTickets(db, actorOf(caller), { ...filters, limit: query.limit, cursor });
  return { data: page.data, next_cursor: cursors.sign(page.next_cursor, context) };
}

export async function getPublicTicket(db: Db, caller: ApiKeyCaller, idOrNumber: string): Promise<TicketView> {
  const actor = actorOf(caller);
  return toView(await inTenant(db, caller.tenantId, (tx) => loadTicket(tx, actor, idOrNumber)));
}

/** What a POST needs for Idempotency-Key: the header (if sent) and the request it must match. */
export interface PostRequest {
  idempotencyKey: string | undefined;
  route: string;
  params: unknown;
  body: unknown;
}

function idempotencyScope(caller: ApiKeyCaller, post: PostRequest & { idempotencyKey: string }) {
  return {
    tenantId: caller.tenantId,
    keyId: caller.keyId,
    idempotencyKey: post.idempotencyKey,
    requestHash: requestHash("POST", post.route, post.params, post.body),
  };
}

/** Create a ticket; with an Idempotency-Key at most once (the result is then the stored response). */
export async function createPublicTicket(
  db: Db,
  caller: ApiKeyCaller,
  input: NewTicket,
  post: PostRequest,
  encode: (ticket: TicketView) => string,
): Promise<TicketView | IdempotentResult> {
  const actor = actorOf(caller);
  if (!post.idempotencyKey) return createTicket(db, actor, caller.license, input);
  const scope = idempotencyScope(caller, { ...post, idempotencyKey: post.idempotencyKey });
  return runIdempotent(db, scope, 201, encode, (beforeCommit) =>
    createTicket(db, actor, caller.license, input, { beforeCommit }),
  );
}

export async function changePublicTicket(
  db: Db,
  caller: ApiKeyCaller,
  idOrNumber: string,
  change: TicketChange,
): Promise<TicketView> {
  return changeTicket(db, actorOf(caller), idOrNumber, change);
}

export async function listPublicComments(
  db: Db,
  caller: ApiKeyCaller,
  idOrNumber: string,
): Promise<{ data: CommentView[] }> {
  return { data: await listComments(db, actorOf(caller), idOrNumber) };
}

export async function addPublicComment(
  db: Db,
  caller: ApiKeyCaller,
  idOrNumber: string,
  input: { body: string; visibility: Visibility },
  post: PostRequest,
  encode: (comment: CommentView) => string,
): Promise<CommentView | IdempotentResult> {
  const actor = actorOf(caller);
  if (!post.idempotencyKey) return addComment(db, actor, idOrNumber, input);
  const scope = idempotencyScope(caller, { ...post, idempotencyKey: post.idempotencyKey });
  return runIdempotent(db, scope, 201, encode, (beforeCommit) =>
    addComment(db, actor, idOrNumber, input, { beforeCommit }),
  );
}

export function isStoredResponse(value: object): value is IdempotentResult {
  return "replayed" in value && "body" in value && typeof (value as IdempotentResult).body === "string";
}
