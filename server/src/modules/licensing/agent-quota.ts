import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";

/** Active users of the tenant holding tickets:manage through any group: what max_agents limits. */
export async function countAgents(tx: Tx, tenantId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(distinct gm.user_id)::int as n
    from group_members gm
    join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
    join users u on u.tenant_id = gm.tenant_id and u.id = gm.user_id
    where gm.tenant_id = ${tenantId} and gp.permission = 'tickets:manage' and u.active`.execute(tx);
  return rows[0]?.n ?? 0;
}

/**
 * Run `change` so that it cannot push the number of agents over the license's max_agents. Every path
 * that can raise the count (membership, granting a permission, reactivating a user, creating a user into
 * groups) goes through here. The license row is locked first, so concurrent changes are serialised and
 * two admins cannot each take the last seat. A refused change throws inside the caller's transaction,
 * which rolls back: nothing changes.
 */
export async function withAgentQuota<T>(tx: Tx, tenantId: string, change: () => Promise<T>): Promise<T> {
  const license = await tx
    .selectFrom("itsm_licenses")
    .select(["max_agents", "active"])
    .where("tenant_id", "=", tenantId)
    .forUpdate()
    .executeTakeFirst();
  const before = await countAgents(tx, tenantId);
  const result = await change();
  const after = await countAgents(tx, tenantId);
  if (after > before) {
    if (!license) {
      throw new AppError(
        "quota_exceeded",
        "Ticket permissions need the ITSM add-on license, which this tenant does not have.",
      );
    }
    if (after > license.max_agents) {
      throw new AppError(
        "quota_exceeded",
        `This change would make ${after} agents (users with tickets:manage), but the ITSM license allows ${license.max_agents}. Remove an agent first or ask for a larger license.`,
        { extra: { maxAgents: license.max_agents, agents: before } },
      );
    }
  }
  return result;
}
