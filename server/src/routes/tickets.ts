import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { inTenant } from "../db/database.ts";
import { userOf } from "../http/access.ts";
import { changeTicket } from "../modules/tickets/change-ticket.ts";
import { addComment, listComments, listHistory } from "../modules/tickets/comments.ts";
import { createTicket } from "../modules/tickets/create-ticket.ts";
import { listTickets, statusCounts } from "../modules/tickets/queue.ts";
import { TicketChangeFeed } from "../modules/tickets/realtime.ts";
import { allowedTargets, type Status } from "../modules/tickets/ticket-status.ts";
import { loadTicket, toView } from "../modules/tickets/ticket-view.ts";
import {
  commentBody,
  description,
  priority,
  queueQuery,
  status,
  ticketIdParam,
  ticketType,
  title,
  visibility,
} from "./ticket-schemas.ts";

/** The agent portal's API (/tickets in the web app): needs agent_portal and tickets:manage. */
export function ticketRoutes({ database }: AppDeps) {
  const db = database.db;
  const feed = new TicketChangeFeed(db);
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook("onClose", async () => feed.close());
    const access = { kind: "user", feature: "agent_portal", permissions: ["tickets:manage"] } as const;

    app.get("/api/tickets", { config: { access }, schema: { querystring: queueQuery } }, async (request) =>
      listTickets(db, userOf(request), request.query),
    );
    app.get("/api/tickets/counts", { config: { access } }, async (request) =>
      statusCounts(db, userOf(request)),
    );
    app.get("/api/tickets/agents", { config: { access } }, async (request) =>
      inTenant(db, userOf(request).tenantId, (tx) =>
        tx
          .selectFrom("users as u")
          .select(["u.id", "u.name", "u.email"])
          .where("u.active", "=", true)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom("group_members as gm")
                .innerJoin("group_permissions as gp", (j) =>
                  j.onRef("gp.tenant_id", "=", "gm.tenant_id").onRef("gp.group_id", "=", "gm.group_id"),
                )
                .whereRef("gm.user_id", "=", "u.id")
                .where("gp.permission", "=", "tickets:manage"),
            ),
          )
          .orderBy("u.name")
          .execute(),
      ),
    );
    app.get(
      "/api/tickets/people",
      { config: { access }, schema: { querystring: z.strictObject({ q: z.string().max(100).optional() }) } },
      async (request) =>
        inTenant(db, userOf(request).tenantId, (tx) => {
          let q = tx
            .selectFrom("users")
            .select(["id", "name", "email"])
            .where("active", "=", true)
            .orderBy("name")
            .limit(50);
          // LIKE wildcards typed by the user are matched literally.
          const text = request.query.q
            ?.trim()
            .toLowerCase()
            .replace(/[\\%_]/g, (c) => `\\${c}`);
          if (text)
            q = q.where((eb) =>
              eb.or([
                eb(eb.fn("lower", ["name"]), "like", `%${text}%`),
                eb(eb.fn("lower", ["email"]), "like", `%${text}%`),
              ]),
            );
          return q.execute();
        }),
    );
    app.post(
      "/api/tickets",
      {
        config: { access: { ...access, permissions: ["tickets:manage", "tickets:create"] } },
        schema: {
          body: z.strictObject({
            title,
            description,
            type: ticketType,
            priority: priority.optional(),
            reporter_id: z.uuid().optional(),
            asset_id: z.uuid().nullish(),
            movement_id: z.uuid().nullish(),
          }),
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const b = request.body;
        const ticket = await createTicket(db, user, user.license, {
          ...b,
          reporterId: b.reporter_id,
          assetId: b.asset_id,
          movementId: b.movement_id,
        });
        return reply.status(201).send(ticket);
      },
    );
    app.get(
      "/api/tickets/:id",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) => {
        const user = userOf(request);
        const ticket = toView(
          await inTenant(db, user.tenantId, (tx) => loadTicket(tx, user, request.params.id)),
        );
        return {
          ...ticket,
          allowed_statuses: allowedTargets(ticket.status as Status, {
            permissions: user.permissions,
            isReporter: ticket.reporter.id === user.userId,
          }),
        };
      },
    );
    app.patch(
      "/api/tickets/:id",
      {
        config: { access },
        schema: {
          params: ticketIdParam,
          body: z.strictObject({
            title: title.optional(),
            description: description.optional(),
            type: ticketType.optional(),
            priority: priority.optional(),
            status: status.optional(),
            assignee_id: z.uuid().nullish(),
            reason: z.string().max(2000).optional(),
          }),
        },
      },
      async (request) => {
        const b = request.body;
        return changeTicket(db, userOf(request), request.params.id, { ...b, assigneeId: b.assignee_id });
      },
    );
    app.get(
      "/api/tickets/:id/comments",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) => listComments(db, userOf(request), request.params.id),
    );
    app.post(
      "/api/tickets/:id/comments",
      {
        config: { access },
        schema: { params: ticketIdParam, body: z.strictObject({ body: commentBody, visibility }) },
      },
      async (request, reply) =>
        reply.status(201).send(await addComment(db, userOf(request), request.params.id, request.body)),
    );
    app.get(
      "/api/tickets/:id/history",
      { config: { access }, schema: { params: ticketIdParam } },
      async (request) => listHistory(db, userOf(request), request.params.id),
    );
    // Server-sent events: "changed" whenever any ticket of the tenant changes, so the queue refreshes itself.
    app.get("/api/tickets/events", { config: { access } }, (request, reply) => {
      const user = userOf(request);
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      reply.raw.write("retry: 3000\n\n");
      const unsubscribe = feed.subscribe(user.tenantId, (version) =>
        reply.raw.write(`event: changed\ndata: ${JSON.stringify({ version })}\n\n`),
      );
      const keepAlive = setInterval(() => reply.raw.write(": keep-alive\n\n"), 25_000);
      request.raw.on("close", () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    });
  };
}
