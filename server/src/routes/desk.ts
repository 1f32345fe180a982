import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { inTenant } from "../db/database.ts";
import { userOf } from "../http/access.ts";
import type { UserContext } from "../modules/access/sessions.ts";
import { changeTicket } from "../modules/tickets/change-ticket.ts";
import { addComment, listComments, listHistory } from "../modules/tickets/comments.ts";
import { createTicket } from "../modules/tickets/create-ticket.ts";
import { listTickets } from "../modules/tickets/queue.ts";
import { type Actor, loadTicket, toView } from "../modules/tickets/ticket-view.ts";
import { commentBody, description, ticketIdParam, ticketType, title } from "./ticket-schemas.ts";

/**
 * The desk portal's API (/desk in the web app): a reporter's own tickets only. Agents who open the desk
 * see it as reporters do: the actor is stripped of tickets:manage, so the services show only the user's
 * own tickets and never an internal note or internal history entry.
 */
function asReporter(user: UserContext): Actor {
  const permissions = new Set(user.permissions);
  permissions.delete("tickets:manage");
  permissions.delete("tickets:close");
  return { tenantId: user.tenantId, userId: user.userId, permissions };
}

const OPEN = ["open", "in_progress", "resolved"] as const;
const DONE = ["closed", "cancelled"] as const;

export function deskRoutes({ database }: AppDeps) {
  const db = database.db;
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const access = { kind: "user", feature: "end_user_portal", permissions: ["tickets:create"] } as const;

    app.get(
      "/api/desk/tickets",
      {
        config: { access },
        schema: {
          querystring: z.strictObject({
            state: z.enum(["open", "done", "all"]).optional(),
            q: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(100).optional(),
            cursor: z.string().max(200).optional(),
          }),
        },
      },
      async (request) => {
        const { state = "all", ...rest } = request.query;
        const status = state === "open" ? [...OPEN] : state === "done" ? [...DONE] : undefined;
        return listTickets(db, asReporter(userOf(request)), { ...rest, status, mine: true });
      },
    );
    app.post(
      "/api/desk/tickets",
      {
        config: { access },
        schema: {
          body: z.strictObject({ title, description: description.min(1, "is required"), type: ticketType }),
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return reply.status(201).send(await createTicket(db, asReporter(user), user.license, request.body));
      },
    );
    app.get(
      "/api/desk/tickets/:id",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) => {
        const actor = asReporter(userOf(request));
        return toView(await inTenant(db, actor.tenantId, (tx) => loadTicket(tx, actor, request.params.id)));
      },
    );
    app.get(
      "/api/desk/tickets/:id/comments",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) => listComments(db, asReporter(userOf(request)), request.params.id),
    );
    app.post(
      "/api/desk/tickets/:id/comments",
      { config: { access }, schema: { params: ticketIdParam, body: z.strictObject({ body: commentBody }) } },
      async (request, reply) =>
        reply.status(201).send(
          await addComment(db, asReporter(userOf(request)), request.params.id, {
            body: request.body.body,
            visibility: "external",
          }),
        ),
    );
    app.get(
      "/api/desk/tickets/:id/history",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) => listHistory(db, asReporter(userOf(request)), request.params.id),
    );
    // The reporter's answer to a proposed solution (product.md §2): confirm → closed, reject → in_progress.
    app.post(
      "/api/desk/tickets/:id/confirm",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) =>
        changeTicket(db, asReporter(userOf(request)), request.params.id, { status: "closed" }),
    );
    app.post(
      "/api/desk/tickets/:id/reject",
      {
        config: { access },
        schema: { params: ticketIdParam, body: z.strictObject({ comment: commentBody }) },
      },
      async (request) =>
        changeTicket(db, asReporter(userOf(request)), request.params.id, {
          status: "in_progress",
          comment: request.body.comment,
        }),
    );
  };
}
