import { AppError } from "@uslimato/server-core";
import { ItsmLicense } from "@uslimato/server-data";
import type { EntityManager } from "typeorm";

/** Active users of the tenant holding tickets:manage through any group: what max_agents limits. */
export async function countAgents(em: EntityManager, tenantId: string): Promise<number> {
  // One counting statement over three tables, run before and after every change that can add agents.
  const rows: { n: number }[] = await em.query(
    `select count(distinct gm.user_id)::int as n
     from group_members gm
     join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
     join users u on u.tenant_id = gm.tenant_id and u.id = gm.user_id
     where gm.tenant_id = $1 and gp.permission = 'tickets:manage' and u.active`,
    [tenantId],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Run `change` so that it cannot push the number of agents over the license's max_agents. Every path
 * that can raise the count (membership, granting a permission, reactivating a user, creating a user into
 * groups) goes through here. The license row is locked first, so concurrent changes are serialised and
 * two admins cannot each take the last seat. A refused change throws inside the caller's transaction,
 * which rolls back: nothing changes.
 */
export async function withAgentQuota<T>(
  em: EntityManager,
  tenantId: string,
  change: () => Promise<T>,
): Promise<T> {
  const license = await em.getRepository(ItsmLicense).findOne({
    select: { tenantId: true, maxAgents: true, active: true },
    where: { tenantId },
    lock: { mode: "pessimistic_write" },
  });
  const before = await countAgents(em, tenantId);
  const result = await change();
  const after = await countAgents(em, tenantId);
  if (after > before) {
    if (!license) {
      throw new AppError(
        "quota_exceeded",
        "Ticket permissions need the ITSM add-on license, which this tenant does not have.",
      );
    }
    if (after > license.maxAgents) {
      throw new AppError(
        "quota_exceeded",
        `This change would make ${after} agents (users with tickets:manage), but the ITSM license allows ${license.maxAgents}. Remove an agent first or ask for a larger license.`,
        { extra: { maxAgents: license.maxAgents, agents: before } },
      );
    }
  }
  return result;
}
