import { Injectable } from "@nestjs/common";
import { isPermission, SYSTEM_GROUPS, type SystemGroupKey } from "@uslimato/domain";
import { AppError, invalidField, notFound } from "@uslimato/server-core";
import { Group, GroupMember, GroupPermission, inTenant, Permission, User } from "@uslimato/server-data";
import { DataSource, type EntityManager, Not } from "typeorm";
import { withAgentQuota } from "./agent-quota.ts";

export interface GroupView {
  id: string;
  name: string;
  systemKey: string | null;
  permissions: string[];
  members: { id: string; name: string; email: string }[];
}

export interface NewGroup {
  name: string;
  permissions: string[];
}

export interface GroupPatch {
  name?: string | undefined;
  permissions?: string[] | undefined;
}

/** A tenant's groups, their permissions and members (RBAC), and the permission catalogue. */
@Injectable()
export class GroupsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The catalogue of named permissions (the same for every tenant). */
  listPermissions(tenantId: string): Promise<Pick<Permission, "name" | "description" | "itsm">[]> {
    return inTenant(this.dataSource, tenantId, (em) =>
      em.getRepository(Permission).find({
        select: { name: true, description: true, itsm: true },
        order: { itsm: "ASC", name: "ASC" },
      }),
    );
  }

  listGroups(tenantId: string): Promise<GroupView[]> {
    return inTenant(this.dataSource, tenantId, (em) => loadGroups(em));
  }

  async createGroup(tenantId: string, input: NewGroup): Promise<GroupView> {
    const permissions = checkPermissions(input.permissions);
    return inTenant(this.dataSource, tenantId, async (em) => {
      const name = input.name.trim();
      await assertNameFree(em, name);
      const id = await insertGroup(em, tenantId, name, null);
      await grant(em, tenantId, id, permissions);
      return loadGroup(em, id);
    });
  }

  async updateGroup(tenantId: string, id: string, patch: GroupPatch): Promise<GroupView> {
    const permissions = patch.permissions && checkPermissions(patch.permissions);
    return inTenant(this.dataSource, tenantId, async (em) => {
      const group = await loadGroup(em, id);
      if (patch.name !== undefined && patch.name.trim() !== group.name) {
        if (group.systemKey) {
          throw invalidField("name", `"${group.name}" is a system group and cannot be renamed.`);
        }
        await assertNameFree(em, patch.name.trim(), id);
        await em.getRepository(Group).update({ tenantId, id }, { name: patch.name.trim() });
      }
      if (permissions) {
        // Granting tickets:manage to a group with members can add agents: checked against max_agents.
        await withAgentQuota(em, tenantId, async () => {
          await em.getRepository(GroupPermission).delete({ tenantId, groupId: id });
          await grant(em, tenantId, id, permissions);
        });
      }
      return loadGroup(em, id);
    });
  }

  async deleteGroup(tenantId: string, id: string): Promise<void> {
    await inTenant(this.dataSource, tenantId, async (em) => {
      const group = await loadGroup(em, id);
      if (group.systemKey) {
        throw new AppError("conflict", `"${group.name}" is a system group and cannot be deleted.`);
      }
      await em.getRepository(GroupMember).delete({ tenantId, groupId: id });
      await em.getRepository(Group).delete({ tenantId, id });
    });
  }

  async addMember(tenantId: string, groupId: string, userId: string): Promise<GroupView> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      await loadGroup(em, groupId);
      await assertUserExists(em, tenantId, userId);
      await withAgentQuota(em, tenantId, () =>
        em
          .createQueryBuilder()
          .insert()
          .into(GroupMember)
          .values({ tenantId, groupId, userId })
          .orIgnore()
          .updateEntity(false)
          .execute(),
      );
      return loadGroup(em, groupId);
    });
  }

  async removeMember(tenantId: string, actorId: string, groupId: string, userId: string): Promise<GroupView> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const group = await loadGroup(em, groupId);
      await assertUserExists(em, tenantId, userId);
      if (group.systemKey === "administrators" && userId === actorId) {
        throw new AppError(
          "conflict",
          "You cannot remove yourself from Administrators; ask another administrator.",
        );
      }
      await em.getRepository(GroupMember).delete({ tenantId, groupId, userId });
      return loadGroup(em, groupId);
    });
  }

  /** Create a system group with its permissions unless the tenant has it already (idempotent). */
  async ensureSystemGroup(em: EntityManager, tenantId: string, key: SystemGroupKey): Promise<string> {
    const existing = await em
      .getRepository(Group)
      .findOne({ select: { id: true }, where: { tenantId, systemKey: key } });
    if (existing) return existing.id;
    const spec = SYSTEM_GROUPS[key];
    const id = await insertGroup(em, tenantId, spec.name, key);
    await grant(em, tenantId, id, spec.permissions);
    return id;
  }
}

async function loadGroups(em: EntityManager, onlyId?: string): Promise<GroupView[]> {
  const groups = await em.getRepository(Group).find({
    select: { id: true, name: true, systemKey: true },
    where: onlyId !== undefined ? { id: onlyId } : {},
    order: { systemKey: "ASC", name: "ASC" },
  });
  const permissions = await em
    .getRepository(GroupPermission)
    .find({ select: { groupId: true, permission: true }, order: { permission: "ASC" } });
  const members = await em
    .createQueryBuilder(GroupMember, "gm")
    .innerJoin(User, "u", "u.tenantId = gm.tenantId and u.id = gm.userId")
    .select(['gm.groupId as "groupId"', "u.id as id", "u.name as name", "u.email as email"])
    .orderBy("u.name")
    .getRawMany<{ groupId: string; id: string; name: string; email: string }>();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    systemKey: g.systemKey,
    permissions: permissions.filter((p) => p.groupId === g.id).map((p) => p.permission),
    members: members.filter((m) => m.groupId === g.id).map(({ id, name, email }) => ({ id, name, email })),
  }));
}

async function loadGroup(em: EntityManager, id: string): Promise<GroupView> {
  const [group] = await loadGroups(em, id);
  if (!group) throw notFound("This group");
  return group;
}

function checkPermissions(permissions: string[]): string[] {
  permissions.forEach((p, i) => {
    if (!isPermission(p)) throw invalidField(`permissions.${i}`, `There is no permission named "${p}".`);
  });
  return [...new Set(permissions)];
}

async function assertNameFree(em: EntityManager, name: string, exceptId?: string): Promise<void> {
  const query = em
    .createQueryBuilder(Group, "g")
    .select("g.id")
    .where("lower(g.name) = :name", { name: name.toLowerCase() });
  if (exceptId) query.andWhere({ id: Not(exceptId) });
  if (await query.getOne()) {
    throw new AppError("conflict", `A group named "${name}" already exists.`, {
      errors: [{ field: "name", message: "already in use" }],
    });
  }
}

async function assertUserExists(em: EntityManager, tenantId: string, userId: string): Promise<void> {
  const user = await em
    .getRepository(User)
    .findOne({ select: { id: true }, where: { tenantId, id: userId } });
  if (!user) throw notFound("This user");
}

async function insertGroup(
  em: EntityManager,
  tenantId: string,
  name: string,
  systemKey: string | null,
): Promise<string> {
  const inserted = await em
    .createQueryBuilder()
    .insert()
    .into(Group)
    .values({ tenantId, name, systemKey })
    .returning("id")
    .updateEntity(false)
    .execute();
  const id = (inserted.raw as { id: string }[])[0]?.id;
  if (!id) throw new Error("insert into groups returned no id");
  return id;
}

async function grant(
  em: EntityManager,
  tenantId: string,
  groupId: string,
  permissions: readonly string[],
): Promise<void> {
  if (permissions.length === 0) return;
  await em
    .getRepository(GroupPermission)
    .insert(permissions.map((permission) => ({ tenantId, groupId, permission })));
}
