import { Injectable } from "@nestjs/common";
import type { UserContext } from "@uslimato/server-core";
import { asReporter, type DeskState, statusesOfState } from "./as-reporter.ts";
import { CommentsService, type CommentView } from "./comments.service.ts";
import { QueueService } from "./queue.service.ts";
import type { QueuePage } from "./queue-statement.ts";
import { type HistoryView, TicketHistoryService } from "./ticket-history.service.ts";
import { showLinks, type TicketView } from "./ticket-view.ts";
import { TicketsService } from "./tickets.service.ts";

export interface DeskListQuery {
  state?: DeskState | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * The desk portal (/desk in the web app): a reporter's own tickets only, through the same services as
 * the agent portal, always as a reporter (asReporter), even for agents.
 */
@Injectable()
export class DeskService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly comments: CommentsService,
    private readonly history: TicketHistoryService,
    private readonly queue: QueueService,
  ) {}

  async list(user: UserContext, { state = "all", ...rest }: DeskListQuery): Promise<QueuePage> {
    const page = await this.queue.listTickets(asReporter(user), {
      ...rest,
      status: statusesOfState(state),
      mine: true,
    });
    return { ...page, data: page.data.map((t) => showLinks(t, user.license)) };
  }

  /** "Report issue" from an asset page files the ticket with `asset_id` (asset_integration). */
  async create(
    user: UserContext,
    input: {
      title: string;
      description: string;
      type: "incident" | "service_request";
      asset_id?: string | null | undefined;
    },
  ): Promise<TicketView> {
    const { asset_id, ...fields } = input;
    const ticket = await this.tickets.createTicket(asReporter(user), user.license, {
      ...fields,
      assetId: asset_id,
    });
    return showLinks(ticket, user.license);
  }

  async get(user: UserContext, idOrNumber: string): Promise<TicketView> {
    return showLinks(await this.tickets.getTicket(asReporter(user), idOrNumber), user.license);
  }

  listComments(user: UserContext, idOrNumber: string): Promise<CommentView[]> {
    return this.comments.listComments(asReporter(user), idOrNumber);
  }

  addComment(user: UserContext, idOrNumber: string, body: string): Promise<CommentView> {
    return this.comments.addComment(asReporter(user), idOrNumber, { body, visibility: "external" });
  }

  listHistory(user: UserContext, idOrNumber: string): Promise<HistoryView[]> {
    return this.history.listHistory(asReporter(user), idOrNumber);
  }

  /** The reporter accepts the proposed solution (product.md §2): resolved → closed. */
  confirm(user: UserContext, idOrNumber: string): Promise<TicketView> {
    return this.tickets.changeTicket(asReporter(user), idOrNumber, { status: "closed" });
  }

  /** The reporter rejects it, saying what is still wrong: resolved → in_progress, with the comment. */
  reject(user: UserContext, idOrNumber: string, comment: string): Promise<TicketView> {
    return this.tickets.changeTicket(asReporter(user), idOrNumber, { status: "in_progress", comment });
  }
}
