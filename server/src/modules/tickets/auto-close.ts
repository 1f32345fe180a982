import { sql } from "kysely";
import { type Db, inTenant } from "../../db/database.ts";

/**
 * Close resolved tickets whose reporter has not answered within the tenant's auto_close_days (default
 * 7). One transaction per tenant; each closed ticket gets a history entry with no actor (the system).
 */
export async function autoCloseResolved(db: Db): Promise<{ closed: number }> {
  const tenants = await db
    .selectFrom("itsm_licenses")
    .select("tenant_id")
    .where("active", "=", true)
    .execute();
  let closed = 0;
  for (const { tenant_id } of tenants) {
    closed += await inTenant(db, tenant_id, async (tx) => {
      const { rows } = await sql<{ id: string }>`
        update tickets t set status = 'closed', closed_at = now(), updated_at = now()
        where t.tenant_id = ${tenant_id} and t.status = 'resolved'
          and t.resolved_at < now() - make_interval(days => coalesce(
            (select auto_close_days from itsm_settings s where s.tenant_id = t.tenant_id), 7))
        returning t.id`.execute(tx);
      if (rows.length) {
        await tx
          .insertInto("ticket_history")
          .values(
            rows.map((r) => ({
              tenant_id,
              ticket_id: r.id,
              actor_id: null,
              kind: "status",
              field: "auto_close",
              old_value: "resolved",
              new_value: "closed",
            })),
          )
          .execute();
      }
      return rows.length;
    });
  }
  return { closed };
}
