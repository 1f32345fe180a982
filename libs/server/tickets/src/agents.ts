import { GroupMember, GroupPermission } from "@uslimato/server-data";
import type { SelectQueryBuilder } from "typeorm";

/**
 * Narrow a users query (alias `userAlias`) to agents: users in a group holding tickets:manage. Only
 * agents can be assigned, and the assignee picker lists them.
 */
export function whereAgent<T extends object>(
  q: SelectQueryBuilder<T>,
  userAlias: string,
): SelectQueryBuilder<T> {
  return q
    .andWhere((qb) => {
      const holds = qb
        .subQuery()
        .select("1")
        .from(GroupMember, "gm")
        .innerJoin(GroupPermission, "gp", "gp.tenantId = gm.tenantId and gp.groupId = gm.groupId")
        .where(`gm.tenantId = ${userAlias}.tenantId and gm.userId = ${userAlias}.id`)
        .andWhere("gp.permission = :agentPermission")
        .getQuery();
      return `exists ${holds}`;
    })
    .setParameter("agentPermission", "tickets:manage");
}
