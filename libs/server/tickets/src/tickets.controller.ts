import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from "@nestjs/common";
import { Access, CurrentUser, type RouteAccess, type UserContext } from "@uslimato/server-core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { streamTicketChanges } from "./change-stream.ts";
import { CommentsService } from "./comments.service.ts";
import { PeopleQueryDto, QueueQueryDto } from "./dto/queue-query.dto.ts";
import { AddCommentDto, ChangeTicketDto, CreateTicketDto, TicketIdParams } from "./dto/ticket.dto.ts";
import { PeopleService } from "./people.service.ts";
import { QueueService } from "./queue.service.ts";
import { TicketChangeFeed } from "./ticket-change-feed.ts";
import { TicketHistoryService } from "./ticket-history.service.ts";
import { showLinks } from "./ticket-view.ts";
import { TicketsService } from "./tickets.service.ts";

/** The agent portal: needs the agent_portal flag and tickets:manage. */
const AGENT = { kind: "user", feature: "agent_portal", permissions: ["tickets:manage"] } as const;
const AGENT_CREATES: RouteAccess = { ...AGENT, permissions: ["tickets:manage", "tickets:create"] };

/** The agent portal's API (/tickets in the web app). */
@Controller()
@Access(AGENT)
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly comments: CommentsService,
    private readonly history: TicketHistoryService,
    private readonly queue: QueueService,
    private readonly people: PeopleService,
    private readonly feed: TicketChangeFeed,
  ) {}

  @Get("api/tickets")
  async list(@CurrentUser() user: UserContext, @Query() query: QueueQueryDto) {
    const page = await this.queue.listTickets(user, query);
    return { ...page, data: page.data.map((t) => showLinks(t, user.license)) };
  }

  @Get("api/tickets/counts")
  counts(@CurrentUser() user: UserContext) {
    return this.queue.statusCounts(user);
  }

  @Get("api/tickets/agents")
  agents(@CurrentUser() user: UserContext) {
    return this.people.agents(user.tenantId);
  }

  @Get("api/tickets/people")
  findPeople(@CurrentUser() user: UserContext, @Query() query: PeopleQueryDto) {
    return this.people.people(user.tenantId, query.q);
  }

  /** Server-sent events: "changed" whenever a ticket of the tenant changes (see change-stream.ts). */
  @Get("api/tickets/events")
  events(@CurrentUser() user: UserContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    streamTicketChanges(this.feed, user.tenantId, request, reply);
  }

  @Post("api/tickets")
  @HttpCode(201)
  @Access(AGENT_CREATES)
  async create(@CurrentUser() user: UserContext, @Body() body: CreateTicketDto) {
    const ticket = await this.tickets.createTicket(user, user.license, {
      ...body,
      reporterId: body.reporter_id,
      assetId: body.asset_id,
      movementId: body.movement_id,
    });
    return showLinks(ticket, user.license);
  }

  @Get("api/tickets/:id")
  async get(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return showLinks(await this.tickets.getTicketWithMoves(user, params.id), user.license);
  }

  @Patch("api/tickets/:id")
  async change(
    @CurrentUser() user: UserContext,
    @Param() params: TicketIdParams,
    @Body() body: ChangeTicketDto,
  ) {
    const ticket = await this.tickets.changeTicket(user, params.id, {
      ...body,
      assigneeId: body.assignee_id,
    });
    return showLinks(ticket, user.license);
  }

  @Get("api/tickets/:id/comments")
  listComments(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return this.comments.listComments(user, params.id);
  }

  @Post("api/tickets/:id/comments")
  @HttpCode(201)
  addComment(@CurrentUser() user: UserContext, @Param() params: TicketIdParams, @Body() body: AddCommentDto) {
    return this.comments.addComment(user, params.id, body);
  }

  @Get("api/tickets/:id/history")
  listHistory(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return this.history.listHistory(user, params.id);
  }
}
