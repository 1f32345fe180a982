import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from "@nestjs/common";
import { ApiHeader, ApiOperation, ApiSecurity, ApiTags } from "@nestjs/swagger";
import { Access, type ApiKeyCaller, CurrentApiKey } from "@uslimato/server-core";
import type { FastifyReply } from "fastify";
import { CommentJson, CommentListJson, TicketJson, TicketPageJson } from "./dto/public-responses.dto.ts";
import {
  CommentCreate,
  TicketCreate,
  TicketIdParams,
  TicketListQuery,
  TicketPatch,
} from "./dto/public-tickets.dto.ts";
import { idempotencyKeyOf, sendResult } from "./idempotency-http.ts";
import { ApiJson, ApiProblems, BEARER_SCHEME } from "./openapi.ts";
import { PublicTicketsService } from "./public-tickets.service.ts";

const read = { kind: "api-key", scope: "tickets:read", feature: "public_api" } as const;
const write = { kind: "api-key", scope: "tickets:write", feature: "public_api" } as const;

const IdempotencyKeyHeader = () =>
  ApiHeader({
    name: "Idempotency-Key",
    required: false,
    schema: { type: "string", minLength: 1, maxLength: 255 },
    description:
      "Any unique string (e.g. a UUID). Retrying with the same key and body returns the first response; the same key with another body is refused (422). Kept 24 hours.",
  });

/** /public/v1/tickets: the service desk's tickets and comments for API keys (product.md §3). */
@Controller("public/v1/tickets")
@ApiTags("Tickets")
@ApiSecurity(BEARER_SCHEME)
export class PublicTicketsController {
  constructor(private readonly tickets: PublicTicketsService) {}

  @Get()
  @Access(read)
  @ApiOperation({
    operationId: "listTickets",
    summary: "List tickets",
    description:
      "Newest first, keyset-paginated. An agent's key sees every ticket of the tenant; a key of a non-agent only the tickets its owner reported.",
  })
  @ApiJson(200, TicketPageJson, "A page of tickets.")
  @ApiProblems(401, 403, 404, 422, 429)
  listTickets(
    @CurrentApiKey() caller: ApiKeyCaller,
    @Query() query: TicketListQuery,
  ): Promise<TicketPageJson> {
    return this.tickets.listTickets(caller, query);
  }

  @Post()
  @HttpCode(201)
  @Access({ ...write, permissions: ["tickets:create"] })
  @ApiOperation({
    operationId: "createTicket",
    summary: "Create a ticket",
    description:
      "Without `reporter_email` the key's owner reports it. Unknown fields are refused (status, number and reporter are not settable). Send an `Idempotency-Key` to make retries safe.",
  })
  @IdempotencyKeyHeader()
  @ApiJson(201, TicketJson, "The new ticket.")
  @ApiProblems(400, 401, 403, 404, 413, 415, 422, 429)
  async createTicket(
    @CurrentApiKey() caller: ApiKeyCaller,
    @Body() body: TicketCreate,
    @Headers("idempotency-key") idempotencyKey: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketJson | string> {
    return sendResult(reply, await this.tickets.createTicket(caller, body, idempotencyKeyOf(idempotencyKey)));
  }

  @Get(":id")
  @Access(read)
  @ApiOperation({
    operationId: "getTicket",
    summary: "Get a ticket",
    description: "By id or by number (TKT-000042).",
  })
  @ApiJson(200, TicketJson, "The ticket.")
  @ApiProblems(401, 403, 404, 422, 429)
  getTicket(@CurrentApiKey() caller: ApiKeyCaller, @Param() params: TicketIdParams): Promise<TicketJson> {
    return this.tickets.getTicket(caller, params.id);
  }

  @Patch(":id")
  @Access(write)
  @ApiOperation({
    operationId: "updateTicket",
    summary: "Change a ticket",
    description:
      "Edit fields, assign, or move the status — the same state machine and permissions as the web app: every change needs tickets:manage; resolving, closing and reopening also tickets:close; a reporter may confirm (closed) or reject (in_progress, with `comment`) their resolved ticket. Closed and cancelled tickets are final.",
  })
  @ApiJson(200, TicketJson, "The ticket after the change.")
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 422, 429)
  updateTicket(
    @CurrentApiKey() caller: ApiKeyCaller,
    @Param() params: TicketIdParams,
    @Body() body: TicketPatch,
  ): Promise<TicketJson> {
    return this.tickets.updateTicket(caller, params.id, body);
  }

  @Get(":id/comments")
  @Access(read)
  @ApiOperation({
    operationId: "listTicketComments",
    summary: "List a ticket's comments",
    description:
      "Oldest first. An agent's key sees internal and external comments, each marked with `visibility`.",
  })
  @ApiJson(200, CommentListJson, "The comments.")
  @ApiProblems(401, 403, 404, 422, 429)
  listTicketComments(
    @CurrentApiKey() caller: ApiKeyCaller,
    @Param() params: TicketIdParams,
  ): Promise<CommentListJson> {
    return this.tickets.listComments(caller, params.id);
  }

  @Post(":id/comments")
  @HttpCode(201)
  @Access(write)
  @ApiOperation({
    operationId: "addTicketComment",
    summary: "Comment on a ticket",
    description:
      "`external` comments reach the reporter; `internal` ones need an agent's key. Not on closed or cancelled tickets (409). Honours `Idempotency-Key`.",
  })
  @IdempotencyKeyHeader()
  @ApiJson(201, CommentJson, "The new comment.")
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 422, 429)
  async addTicketComment(
    @CurrentApiKey() caller: ApiKeyCaller,
    @Param() params: TicketIdParams,
    @Body() body: CommentCreate,
    @Headers("idempotency-key") idempotencyKey: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommentJson | string> {
    const result = await this.tickets.addComment(caller, params.id, body, idempotencyKeyOf(idempotencyKey));
    return sendResult(reply, result);
  }
}
