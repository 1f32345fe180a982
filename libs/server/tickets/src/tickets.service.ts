import { Injectable } from "@nestjs/common";
import { allowedTargets, type LicenseState, type Status, type TicketEvent } from "@uslimato/domain";
import { AppError, invalidField } from "@uslimato/server-core";
import {
  type Database,
  InjectDatabase,
  inTenant,
  inTenantStatement,
  Ticket,
  TicketComment,
  User,
} from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";
import { whereAgent } from "./agents.ts";
import { checkAssetLink, linkHistory, linkRequested } from "./asset-link.ts";
import {
  assertMayChange,
  planAssignment,
  planFieldEdits,
  planStatusMove,
  type TicketChange,
} from "./change-plan.ts";
import { recordHistory } from "./history.ts";
import { CREATED_EVENT_CTE, moveEvents, recordTicketEvents } from "./ticket-events-outbox.ts";
import { loadTicket } from "./ticket-query.ts";
import { type Actor, isAgent, type TicketRow, type TicketView, toView } from "./ticket-view.ts";

export interface NewTicket {
  title: string;
  description: string;
  type: "incident" | "service_request";
  priority?: "low" | "medium" | "high" | "critical" | undefined;
  /** An agent filing on behalf of someone; defaults to the actor. */
  reporterId?: string | undefined;
  reporterEmail?: string | undefined;
  assetId?: string | null | undefined;
  movementId?: string | null | undefined;
}

export interface CreateTicketOptions {
  /**
   * Runs in the creating transaction right before COMMIT (e.g. the Public API's idempotency record,
   * committed together with the ticket). Nothing else runs after the counter statement.
   */
  beforeCommit?: (em: EntityManager, ticket: TicketView) => Promise<void>;
}

/** The ticket and the statuses this actor may move it to (what the agent portal offers). */
export type TicketWithMoves = TicketView & { allowed_statuses: Status[] };

/**
 * Counter, ticket, its "created" history row and its ticket.created outbox row in ONE statement (one round trip, the hot path of
 * creation). The counter row stays locked until COMMIT, so numbers are gapless and never reused even
 * across processes: nothing may run in the transaction after it except `beforeCommit`.
 */
export const CREATE_TICKET_SQL = `
  with counter as (
    insert into itsm_settings (tenant_id, last_ticket_number) values ($1, 1)
    on conflict (tenant_id) do update set last_ticket_number = itsm_settings.last_ticket_number + 1
    returning last_ticket_number, ticket_prefix
  ), ticket as (
    insert into tickets (tenant_id, number, prefix, type, title, description, priority, reporter_id, asset_id, movement_id)
    select $1, last_ticket_number, ticket_prefix, $2, $3, $4, $5, $6, $7, $8
    from counter
    returning *
  ), history as (
    insert into ticket_history (tenant_id, ticket_id, actor_id, kind, new_value)
    select tenant_id, id, $9, 'created', 'open' from ticket
  ),${CREATED_EVENT_CTE}
  select t.id, t.number, t.prefix, t.type, t.status, t.priority, t.title, t.description, t.reporter_id,
         r.name as reporter_name, r.email as reporter_email, t.assignee_id, null as assignee_name,
         null as assignee_email, t.asset_id, t.movement_id, t.cancel_reason, t.created_at, t.updated_at,
         t.resolved_at, t.closed_at
  from ticket t join users r on r.tenant_id = t.tenant_id and r.id = t.reporter_id`;

/** Creating, changing and reading single tickets. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectDatabase() private readonly database: Database,
  ) {}

  /** Create a ticket: number, ticket and "created" history in one transaction (see CREATE_TICKET_SQL). */
  async createTicket(
    actor: Actor,
    license: LicenseState | null,
    input: NewTicket,
    options: CreateTicketOptions = {},
  ): Promise<TicketView> {
    const title = input.title.trim();
    if (!title) throw invalidField("title", "is required.");
    // With the flag off the link is ignored, as product.md §2 says.
    const link = linkRequested(license, input.assetId, input.movementId);
    const { assetId, movementId } = link;
    const params = (reporterId: string) => [
      actor.tenantId,
      input.type,
      title,
      input.description,
      input.priority ?? "medium",
      reporterId,
      assetId,
      movementId,
      actor.userId,
    ];
    // A link is checked first (a query more), so only link-free creation takes the one-statement path.
    if (!input.reporterId && !input.reporterEmail && !options.beforeCommit && !assetId && !movementId) {
      // The common case (the actor reports, nothing else to write): BEGIN + scope, CREATE_TICKET_SQL and COMMIT
      // in one round trip, so the counter row is unlocked as soon as PostgreSQL commits (see
      // inTenantStatement; issue 8's hot-counter benchmark).
      // Prepared on PostgreSQL: planning this statement cost half as much as running it.
      const prepareAs = this.database.preparedStatements ? "uslimato_create_ticket" : undefined;
      const rows = await inTenantStatement<TicketRow>(
        this.dataSource,
        actor.tenantId,
        CREATE_TICKET_SQL,
        params(actor.userId),
        { prepareAs },
      );
      return toView(rows[0] as TicketRow);
    }
    return inTenant(this.dataSource, actor.tenantId, async (em) => {
      const reporterId = await this.resolveReporter(em, actor, input);
      await checkAssetLink(em, link);
      const rows: TicketRow[] = await em.query(CREATE_TICKET_SQL, params(reporterId));
      const created = rows[0] as TicketRow;
      // Read back with the asset's name and tag (and the movement) for the answer.
      const ticket = toView(assetId ? await loadTicket(em, actor, created.id) : created);
      await recordHistory(em, actor, actor.tenantId, created.id, linkHistory(null, ticket));
      await options.beforeCommit?.(em, ticket);
      return ticket;
    });
  }

  /** The reporter: the actor, or (agents only) an active user of the tenant named by id or email. */
  private async resolveReporter(em: EntityManager, actor: Actor, input: NewTicket): Promise<string> {
    if (!input.reporterId && !input.reporterEmail) return actor.userId;
    const q = em.createQueryBuilder(User, "u").select("u.id", "id").where("u.active = true");
    if (input.reporterId) q.andWhere("u.id = :id", { id: input.reporterId });
    else q.andWhere("lower(u.email) = :email", { email: (input.reporterEmail ?? "").toLowerCase() });
    const reporter = await q.getRawOne<{ id: string }>();
    const field = input.reporterId ? "reporter_id" : "reporter_email";
    if (!reporter) throw invalidField(field, "is not an active user of this tenant.");
    if (reporter.id !== actor.userId && !isAgent(actor)) {
      throw new AppError(
        "forbidden",
        "Only agents (tickets:manage) can file a ticket on behalf of someone else.",
      );
    }
    return reporter.id;
  }

  /**
   * Every change to a ticket: field edits, assignment (picking up an open ticket moves it to
   * in_progress), status moves per the state machine. One transaction: the row is locked, each change
   * gets its history entry, and the final UPDATE is guarded by the status read, so two agents racing
   * cannot both win (the loser gets 409).
   */
  async changeTicket(actor: Actor, idOrNumber: string, change: TicketChange): Promise<TicketView> {
    return inTenant(this.dataSource, actor.tenantId, async (em) => {
      const row = await loadTicket(em, actor, idOrNumber, true);
      assertMayChange(row, actor, change);
      const plan = planFieldEdits(row, change);
      planAssignment(plan, row, change, await this.resolveAssignee(em, change));
      planStatusMove(plan, row, actor, change, new Date());
      if (plan.history.length === 0) return toView(row);

      const updated = await em
        .createQueryBuilder()
        .update(Ticket)
        .set({ ...plan.set, updatedAt: new Date() })
        .where({ tenantId: actor.tenantId, id: row.id, status: row.status })
        .execute();
      if (updated.affected !== 1)
        throw new AppError(
          "conflict",
          "Someone else changed this ticket at the same moment. Reload it and try again.",
        );
      const base = {
        tenantId: actor.tenantId,
        ticketId: row.id,
        actorId: actor.userId,
        occurredAt: new Date().toISOString(),
      };
      const events: TicketEvent[] = [];
      if (plan.set.assigneeId) {
        events.push({
          name: "ticket.assigned",
          payload: { ...base, assigneeId: plan.set.assigneeId, previousAssigneeId: row.assignee_id },
        });
      }
      if (plan.status !== row.status) events.push(...moveEvents(base, row.status as Status, plan.status));
      const comment = change.comment?.trim();
      if (comment && plan.status !== row.status) {
        const inserted = await em.getRepository(TicketComment).insert({
          tenantId: actor.tenantId,
          ticketId: row.id,
          authorId: actor.userId,
          visibility: "external",
          body: comment,
        });
        plan.history.push({ kind: "comment", new: "external" });
        const commentId = (inserted.generatedMaps[0] as Pick<TicketComment, "id">).id;
        events.push({
          name: "ticket.comment_added",
          payload: { ...base, commentId, visibility: "external" },
        });
      }
      await recordHistory(em, actor, actor.tenantId, row.id, plan.history);
      // In this transaction: the events commit with the change or not at all (the outbox).
      await recordTicketEvents(em, actor.tenantId, events);
      return toView(await loadTicket(em, actor, row.id));
    });
  }

  /** undefined: no assignment asked; null: unassign; else the id of an active agent (or 422). */
  private async resolveAssignee(em: EntityManager, change: TicketChange): Promise<string | null | undefined> {
    if (change.assigneeId === undefined && change.assigneeEmail === undefined) return undefined;
    if (change.assigneeId === null || change.assigneeEmail === null) return null;
    const byId = change.assigneeId !== undefined;
    const q = em.createQueryBuilder(User, "u").select("u.id", "id").where("u.active = true");
    if (byId) q.andWhere("u.id = :id", { id: change.assigneeId });
    else q.andWhere("lower(u.email) = :email", { email: (change.assigneeEmail ?? "").toLowerCase() });
    const user = await whereAgent(q, "u").getRawOne<{ id: string }>();
    if (!user)
      throw invalidField(
        byId ? "assignee_id" : "assignee_email",
        "is not an agent: only active users holding tickets:manage can be assigned.",
      );
    return user.id;
  }

  /** Load a ticket as `actor` may see it, in the caller's transaction (see ticket-query.ts). */
  loadTicket(em: EntityManager, actor: Actor, idOrNumber: string, forUpdate = false): Promise<TicketRow> {
    return loadTicket(em, actor, idOrNumber, forUpdate);
  }

  /** One ticket as `actor` may see it (404 otherwise). */
  async getTicket(actor: Actor, idOrNumber: string): Promise<TicketView> {
    const row = await inTenant(this.dataSource, actor.tenantId, (em) => loadTicket(em, actor, idOrNumber), {
      readOnly: true,
    });
    return toView(row);
  }

  /** The agent portal's ticket page: the ticket and the statuses the actor may move it to. */
  async getTicketWithMoves(actor: Actor, idOrNumber: string): Promise<TicketWithMoves> {
    const ticket = await this.getTicket(actor, idOrNumber);
    return {
      ...ticket,
      allowed_statuses: allowedTargets(ticket.status, {
        permissions: actor.permissions,
        isReporter: ticket.reporter.id === actor.userId,
      }),
    };
  }
}
