import { Injectable } from "@nestjs/common";
import { STATUSES, type Status } from "@uslimato/domain";
import { inTenant, inTenantStatement, TicketStatusCount } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { encodeCursor } from "./queue-cursor.ts";
import { DEFAULT_PAGE_SIZE, type QueuePage, type QueueQuery, queueStatement } from "./queue-statement.ts";
import { type Actor, type TicketRow, toView } from "./ticket-view.ts";

/** The ticket queue (agent portal, desk portal, Public API) and its per-status counts. */
@Injectable()
export class QueueService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of the queue; `next_cursor` continues after its last row (null at the end). */
  async listTickets(actor: Actor, query: QueueQuery): Promise<QueuePage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // Built (and the cursor checked) before the transaction opens.
    const { sql, params } = queueStatement(actor, query);
    // The hot read path: one hand-written statement (see queueStatement), in a read-only transaction
    // sent in one round trip with its BEGIN + scope and COMMIT (inTenantStatement).
    const rows = await inTenantStatement<TicketRow>(this.dataSource, actor.tenantId, sql, params, {
      readOnly: true,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(toView),
      next_cursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }

  /** Tickets per status for the queue header, from the trigger-maintained table (no COUNT over tickets). */
  async statusCounts(actor: Actor): Promise<Record<Status, number>> {
    const rows = await inTenant(
      this.dataSource,
      actor.tenantId,
      (em) => em.getRepository(TicketStatusCount).find({ select: { status: true, n: true } }),
      { readOnly: true },
    );
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const r of rows) counts[r.status as Status] = Number(r.n);
    return counts;
  }
}
