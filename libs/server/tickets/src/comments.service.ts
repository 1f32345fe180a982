import { Injectable } from "@nestjs/common";
import { FINAL_STATUSES, type Status } from "@uslimato/domain";
import { AppError, invalidField } from "@uslimato/server-core";
import { type CommentVisibility, inTenant, Ticket, TicketComment, User } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";
import { recordHistory } from "./history.ts";
import { recordTicketEvents } from "./ticket-events-outbox.ts";
import { loadTicket } from "./ticket-query.ts";
import { type Actor, isAgent } from "./ticket-view.ts";

export type Visibility = CommentVisibility;

export interface CommentView {
  id: string;
  body: string;
  visibility: Visibility;
  author: { id: string; name: string } | null;
  created_at: Date;
}

export interface AddCommentOptions {
  /** Runs in the commenting transaction right before COMMIT (e.g. the Public API's idempotency record). */
  beforeCommit?: (em: EntityManager, comment: CommentView) => Promise<void>;
}

/** Comments on a ticket: agents write internal notes or external replies, reporters external comments. */
@Injectable()
export class CommentsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Agents write internal notes or external replies; a reporter writes external comments on their own ticket. */
  async addComment(
    actor: Actor,
    idOrNumber: string,
    input: { body: string; visibility: Visibility },
    options: AddCommentOptions = {},
  ): Promise<CommentView> {
    const body = input.body.trim();
    if (!body) throw invalidField("body", "is required.");
    if (input.visibility === "internal" && !isAgent(actor))
      throw new AppError("forbidden", "Only agents (tickets:manage) can write internal notes.");
    return inTenant(this.dataSource, actor.tenantId, async (em) => {
      const row = await loadTicket(em, actor, idOrNumber, true);
      if (FINAL_STATUSES.has(row.status as Status)) {
        throw new AppError(
          "invalid_transition",
          `This ticket is ${row.status}: no further comments are allowed.`,
          {
            extra: { currentStatus: row.status },
          },
        );
      }
      const inserted = await em.getRepository(TicketComment).insert({
        tenantId: actor.tenantId,
        ticketId: row.id,
        authorId: actor.userId,
        visibility: input.visibility,
        body,
      });
      const generated = inserted.generatedMaps[0] as Pick<TicketComment, "id" | "createdAt">;
      await em
        .getRepository(Ticket)
        .update({ tenantId: actor.tenantId, id: row.id }, { updatedAt: new Date() });
      await recordHistory(em, actor, actor.tenantId, row.id, [
        { kind: "comment", new: input.visibility, internal: input.visibility === "internal" },
      ]);
      // An internal note raises the event too (visibility internal): the emails library keeps it from
      // the reporter. Written in this transaction (the outbox).
      await recordTicketEvents(em, actor.tenantId, [
        {
          name: "ticket.comment_added",
          payload: {
            tenantId: actor.tenantId,
            ticketId: row.id,
            actorId: actor.userId,
            occurredAt: new Date().toISOString(),
            commentId: generated.id,
            visibility: input.visibility,
          },
        },
      ]);
      const author = await em
        .getRepository(User)
        .findOne({ select: { id: true, name: true }, where: { tenantId: actor.tenantId, id: actor.userId } });
      const view: CommentView = {
        id: generated.id,
        body,
        visibility: input.visibility,
        author: author ? { id: author.id, name: author.name } : null,
        created_at: generated.createdAt,
      };
      await options.beforeCommit?.(em, view);
      return view;
    });
  }

  /** The ticket's comments, oldest first; a reporter sees the external ones only. */
  async listComments(actor: Actor, idOrNumber: string): Promise<CommentView[]> {
    return inTenant(
      this.dataSource,
      actor.tenantId,
      async (em) => {
        const row = await loadTicket(em, actor, idOrNumber);
        const q = em
          .createQueryBuilder(TicketComment, "c")
          .leftJoin(User, "u", "u.tenantId = c.tenantId and u.id = c.authorId")
          .select("c.id", "id")
          .addSelect("c.body", "body")
          .addSelect("c.visibility", "visibility")
          .addSelect("c.createdAt", "created_at")
          .addSelect("u.id", "author_id")
          .addSelect("u.name", "author_name")
          .where("c.ticketId = :ticketId", { ticketId: row.id })
          .orderBy("c.createdAt")
          .addOrderBy("c.id");
        if (!isAgent(actor)) q.andWhere("c.visibility = 'external'");
        const comments = await q.getRawMany<{
          id: string;
          body: string;
          visibility: Visibility;
          created_at: Date;
          author_id: string | null;
          author_name: string | null;
        }>();
        return comments.map((c) => ({
          id: c.id,
          body: c.body,
          visibility: c.visibility,
          author: c.author_id ? { id: c.author_id, name: c.author_name ?? "" } : null,
          created_at: c.created_at,
        }));
      },
      { readOnly: true },
    );
  }
}
