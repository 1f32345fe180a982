import { Injectable } from "@nestjs/common";
import type { ApiKeyCaller } from "@uslimato/server-core";
import { CommentsService, QueueService, TicketsService } from "@uslimato/server-tickets";
import { CursorService } from "./cursor.service.ts";
import { cursorContext } from "./cursor.ts";
import type { CommentJson, CommentListJson, TicketJson, TicketPageJson } from "./dto/public-responses.dto.ts";
import type { CommentCreate, TicketCreate, TicketListQuery, TicketPatch } from "./dto/public-tickets.dto.ts";
import { IdempotencyService } from "./idempotency.service.ts";
import { type IdempotencyScope, type IdempotentResult, requestHash } from "./idempotency.ts";
import { type CommentLike, commentJson, type TicketLike, ticketJson } from "./public-json.ts";

/** Who acts: the key's owner, with the permissions the key's scopes give (scopes.ts). */
const actorOf = (caller: ApiKeyCaller) => ({
  tenantId: caller.tenantId,
  userId: caller.userId,
  permissions: caller.permissions,
});

/**
 * The Public API's ticket operations: the same services, state machine and permission table as the web
 * app, called as the key's owner with the permissions the key may use. What is added here is only API
 * mechanics: signed cursors, Idempotency-Key, and the documented JSON (public-json.ts).
 */
@Injectable()
export class PublicTicketsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly queue: QueueService,
    private readonly comments: CommentsService,
    private readonly cursors: CursorService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async listTickets(caller: ApiKeyCaller, query: TicketListQuery): Promise<TicketPageJson> {
    const filters = {
      status: query.status,
      type: query.type,
      assignee: query.assignee,
      reporter: query.reporter,
      q: query.q,
    };
    const signer = await this.cursors.cursors();
    const context = cursorContext(caller.tenantId, filters);
    const cursor = query.cursor ? signer.open(query.cursor, context) : undefined;
    const page = await this.queue.listTickets(actorOf(caller), { ...filters, limit: query.limit, cursor });
    return {
      data: page.data.map((t) => ticketJson(t, caller.license)),
      next_cursor: signer.sign(page.next_cursor, context),
    };
  }

  async getTicket(caller: ApiKeyCaller, idOrNumber: string): Promise<TicketJson> {
    return ticketJson(await this.tickets.getTicket(actorOf(caller), idOrNumber), caller.license);
  }

  /** Create a ticket; with an Idempotency-Key at most once (the result is then the stored response). */
  async createTicket(
    caller: ApiKeyCaller,
    body: TicketCreate,
    idempotencyKey: string | undefined,
  ): Promise<TicketJson | IdempotentResult> {
    const input = {
      title: body.title,
      description: body.description,
      type: body.type,
      priority: body.priority,
      reporterEmail: body.reporter_email,
      assetId: body.asset_id,
      movementId: body.movement_id,
    };
    const actor = actorOf(caller);
    if (!idempotencyKey) {
      return ticketJson(await this.tickets.createTicket(actor, caller.license, input), caller.license);
    }
    const scope = scopeOf(caller, idempotencyKey, "/tickets", {}, body);
    return this.idempotency.run(
      scope,
      201,
      (ticket: TicketLike) => JSON.stringify(ticketJson(ticket, caller.license)),
      (beforeCommit) => this.tickets.createTicket(actor, caller.license, input, { beforeCommit }),
    );
  }

  async updateTicket(caller: ApiKeyCaller, idOrNumber: string, body: TicketPatch): Promise<TicketJson> {
    const { assignee_email, ...rest } = body;
    return ticketJson(
      await this.tickets.changeTicket(actorOf(caller), idOrNumber, {
        ...rest,
        assigneeEmail: assignee_email,
      }),
      caller.license,
    );
  }

  async listComments(caller: ApiKeyCaller, idOrNumber: string): Promise<CommentListJson> {
    return { data: (await this.comments.listComments(actorOf(caller), idOrNumber)).map(commentJson) };
  }

  async addComment(
    caller: ApiKeyCaller,
    idOrNumber: string,
    body: CommentCreate,
    idempotencyKey: string | undefined,
  ): Promise<CommentJson | IdempotentResult> {
    const actor = actorOf(caller);
    const input = { body: body.body, visibility: body.visibility };
    if (!idempotencyKey) return commentJson(await this.comments.addComment(actor, idOrNumber, input));
    const scope = scopeOf(caller, idempotencyKey, "/tickets/:id/comments", { id: idOrNumber }, body);
    return this.idempotency.run(
      scope,
      201,
      (comment: CommentLike) => JSON.stringify(commentJson(comment)),
      (beforeCommit) => this.comments.addComment(actor, idOrNumber, input, { beforeCommit }),
    );
  }
}

/** What an Idempotency-Key is bound to: this key of this tenant, and the very same request. */
function scopeOf(
  caller: ApiKeyCaller,
  idempotencyKey: string,
  route: string,
  params: unknown,
  body: unknown,
): IdempotencyScope {
  return {
    tenantId: caller.tenantId,
    keyId: caller.keyId,
    idempotencyKey,
    requestHash: requestHash("POST", route, params, body),
  };
}
