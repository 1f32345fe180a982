import { Injectable } from "@nestjs/common";
import { ItsmLicense, inTenant, Ticket, TicketHistoryEntry, unscoped } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";
import { moveEvents, recordTicketEvents, SYSTEM_ACTOR_ID } from "./ticket-events-outbox.ts";

/** The hourly job that closes resolved tickets nobody answered. */
@Injectable()
export class AutoCloseService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Close resolved tickets whose reporter has not answered within the tenant's auto_close_days (default
   * 7). One transaction per tenant; each closed ticket gets a history entry with no actor (the system).
   */
  async autoCloseResolved(): Promise<{ closed: number }> {
    let closed = 0;
    for (const tenantId of await this.unsafeLicensedTenants()) {
      closed += await inTenant(this.dataSource, tenantId, (em) => this.closeStale(em, tenantId));
    }
    return { closed };
  }

  /** The tenants with an active ITSM license: a schedule belongs to no tenant, so this reads unscoped. */
  private async unsafeLicensedTenants(): Promise<string[]> {
    const licenses = await unscoped(
      this.dataSource,
      (em) => em.getRepository(ItsmLicense).find({ select: { tenantId: true }, where: { active: true } }),
      { readOnly: true },
    );
    return licenses.map((l) => l.tenantId);
  }

  private async closeStale(em: EntityManager, tenantId: string): Promise<number> {
    const result = await em
      .createQueryBuilder()
      .update(Ticket)
      .set({ status: "closed", closedAt: () => "now()", updatedAt: () => "now()" })
      .where("tenant_id = :tenantId and status = 'resolved'", { tenantId })
      .andWhere(
        `resolved_at < now() - make_interval(days => coalesce(
          (select s.auto_close_days from itsm_settings s where s.tenant_id = tickets.tenant_id), 7))`,
      )
      .returning("id")
      .execute();
    const rows = result.raw as { id: string }[];
    if (rows.length) {
      await em.getRepository(TicketHistoryEntry).insert(
        rows.map((r) => ({
          tenantId,
          ticketId: r.id,
          actorId: null,
          kind: "status",
          field: "auto_close",
          oldValue: "resolved",
          newValue: "closed",
        })),
      );
      const occurredAt = new Date().toISOString();
      await recordTicketEvents(
        em,
        tenantId,
        rows.flatMap((r) =>
          moveEvents(
            { tenantId, ticketId: r.id, actorId: SYSTEM_ACTOR_ID, occurredAt },
            "resolved",
            "closed",
          ),
        ),
      );
    }
    return rows.length;
  }
}
