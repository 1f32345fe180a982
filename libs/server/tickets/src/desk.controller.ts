import { Body, Controller, Get, HttpCode, Param, Post, Query } from "@nestjs/common";
import { Access, CurrentUser, type UserContext } from "@uslimato/server-core";
import { DeskService } from "./desk.service.ts";
import { DeskCommentDto, DeskCreateTicketDto, DeskListQueryDto, DeskRejectDto } from "./dto/desk.dto.ts";
import { TicketIdParams } from "./dto/ticket.dto.ts";

/** The desk portal's API (/desk in the web app): needs the end_user_portal flag and tickets:create. */
@Controller()
@Access({ kind: "user", feature: "end_user_portal", permissions: ["tickets:create"] })
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Get("api/desk/tickets")
  list(@CurrentUser() user: UserContext, @Query() query: DeskListQueryDto) {
    return this.desk.list(user, query);
  }

  @Post("api/desk/tickets")
  @HttpCode(201)
  create(@CurrentUser() user: UserContext, @Body() body: DeskCreateTicketDto) {
    return this.desk.create(user, body);
  }

  @Get("api/desk/tickets/:id")
  get(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return this.desk.get(user, params.id);
  }

  @Get("api/desk/tickets/:id/comments")
  listComments(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return this.desk.listComments(user, params.id);
  }

  @Post("api/desk/tickets/:id/comments")
  @HttpCode(201)
  addComment(
    @CurrentUser() user: UserContext,
    @Param() params: TicketIdParams,
    @Body() body: DeskCommentDto,
  ) {
    return this.desk.addComment(user, params.id, body.body);
  }

  @Get("api/desk/tickets/:id/history")
  listHistory(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return this.desk.listHistory(user, params.id);
  }

  /** The reporter confirms the solution: resolved → closed. */
  @Post("api/desk/tickets/:id/confirm")
  @HttpCode(200)
  confirm(@CurrentUser() user: UserContext, @Param() params: TicketIdParams) {
    return this.desk.confirm(user, params.id);
  }

  /** The reporter rejects the solution: resolved → in_progress, with a comment. */
  @Post("api/desk/tickets/:id/reject")
  @HttpCode(200)
  reject(@CurrentUser() user: UserContext, @Param() params: TicketIdParams, @Body() body: DeskRejectDto) {
    return this.desk.reject(user, params.id, body.comment);
  }
}
