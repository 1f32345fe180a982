import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiKeyOf } from "../../http/access.ts";
import {
  addPublicComment,
  changePublicTicket,
  createPublicTicket,
  getPublicTicket,
  isStoredResponse,
  listPublicComments,
  listPublicTickets,
} from "../../modules/public-api/tickets.ts";
import { BEARER, type PublicApiContext, type PublicResource, sendStored } from "./resource.ts";
import {
  Comment,
  CommentCreate,
  CommentList,
  errorResponses,
  IdempotencyHeaders,
  ok,
  Ticket,
  TicketCreate,
  TicketIdParam,
  TicketListQuery,
  TicketPage,
  TicketPatch,
} from "./schemas.ts";

const read = { kind: "api-key", scope: "tickets:read", feature: "public_api" } as const;
const write = { kind: "api-key", scope: "tickets:write", feature: "public_api" } as const;
const tags = ["Tickets"];

function routes({ db, cursors }: PublicApiContext) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      "/tickets",
      {
        config: { access: read },
        schema: {
          summary: "List tickets",
          description:
            "Newest first, keyset-paginated. An agent's key sees every ticket of the tenant; a key of a non-agent only the tickets its owner reported.",
          tags,
          security: BEARER,
          querystring: TicketListQuery,
          response: { 200: ok(TicketPage, "A page of tickets."), ...errorResponses(401, 403, 404, 422, 429) },
        },
      },
      async (request) => listPublicTickets(db, cursors, apiKeyOf(request), request.query),
    );

    app.post(
      "/tickets",
      {
        config: { access: { ...write, permissions: ["tickets:create"] } },
        schema: {
          summary: "Create a ticket",
          description:
            "Without `reporter_email` the key's owner reports it. Unknown fields are refused (status, number and reporter are not settable). Send an `Idempotency-Key` to make retries safe.",
          tags,
          security: BEARER,
          headers: IdempotencyHeaders,
          body: TicketCreate,
          response: {
            201: ok(Ticket, "The new ticket."),
            ...errorResponses(400, 413, 415, 401, 403, 404, 422, 429),
          },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const result = await createPublicTicket(
          db,
          apiKeyOf(request),
          { ...b, reporterEmail: b.reporter_email, assetId: b.asset_id, movementId: b.movement_id },
          {
            idempotencyKey: request.headers["idempotency-key"],
            route: "/tickets",
            params: {},
            body: b,
          },
          (ticket) => JSON.stringify(z.encode(Ticket, ticket)),
        );
        return isStoredResponse(result) ? sendStored(reply, result) : reply.status(201).send(result);
      },
    );

    app.get(
      "/tickets/:id",
      {
        config: { access: read },
        schema: {
          summary: "Get a ticket",
          description: "By id or by number (TKT-000042).",
          tags,
          security: BEARER,
          params: TicketIdParam,
          response: { 200: ok(Ticket, "The ticket."), ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => getPublicTicket(db, apiKeyOf(request), request.params.id),
    );

    app.patch(
      "/tickets/:id",
      {
        config: { access: write },
        schema: {
          summary: "Change a ticket",
          description:
            "Edit fields, assign, or move the status — the same state machine and permissions as the web app: every change needs tickets:manage; resolving, closing and reopening also tickets:close; a reporter may confirm (closed) or reject (in_progress, with `comment`) their resolved ticket. Closed and cancelled tickets are final.",
          tags,
          security: BEARER,
          params: TicketIdParam,
          body: TicketPatch,
          response: {
            200: ok(Ticket, "The ticket after the change."),
            ...errorResponses(400, 413, 415, 401, 403, 404, 409, 422, 429),
          },
        },
      },
      async (request) => {
        const { assignee_email, ...rest } = request.body;
        return changePublicTicket(db, apiKeyOf(request), request.params.id, {
          ...rest,
          assigneeEmail: assignee_email,
        });
      },
    );

    app.get(
      "/tickets/:id/comments",
      {
        config: { access: read },
        schema: {
          summary: "List a ticket's comments",
          description:
            "Oldest first. An agent's key sees internal and external comments, each marked with `visibility`.",
          tags,
          security: BEARER,
          params: TicketIdParam,
          response: { 200: ok(CommentList, "The comments."), ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => listPublicComments(db, apiKeyOf(request), request.params.id),
    );

    app.post(
      "/tickets/:id/comments",
      {
        config: { access: write },
        schema: {
          summary: "Comment on a ticket",
          description:
            "`external` comments reach the reporter; `internal` ones need an agent's key. Not on closed or cancelled tickets (409). Honours `Idempotency-Key`.",
          tags,
          security: BEARER,
          headers: IdempotencyHeaders,
          params: TicketIdParam,
          body: CommentCreate,
          response: {
            201: ok(Comment, "The new comment."),
            ...errorResponses(400, 413, 415, 401, 403, 404, 409, 422, 429),
          },
        },
      },
      async (request, reply) => {
        const result = await addPublicComment(
          db,
          apiKeyOf(request),
          request.params.id,
          request.body,
          {
            idempotencyKey: request.headers["idempotency-key"],
            route: "/tickets/:id/comments",
            params: request.params,
            body: request.body,
          },
          (comment) => JSON.stringify(z.encode(Comment, comment)),
        );
        return isStoredResponse(result) ? sendStored(reply, result) : reply.status(201).send(result);
      },
    );
  };
}

export const ticketsResource: PublicResource = {
  tag: {
    name: "Tickets",
    description:
      "The service desk's tickets and comments. Scopes: tickets:read for the GETs, tickets:write for POST and PATCH. Needs the tenant's public_api feature.",
  },
  routes,
};
