import { type Db, inTenant, type Tx } from "../../db/database.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import { withAgentQuota } from "../licensing/agent-quota.ts";
import { isPermission, SYSTEM_GROUPS, type SystemGroupKey } from "./permissions.ts";

export interface GroupView {
  id: string;
  name: string;
  systemKey: string | null;
  permissions: string[];
  members: { id: string; name: string; email: string }[];
}

async function loadGroups(tx: Tx, onlyId?: string): Promise<GroupView[]> {
  let q = tx.selectFrom("groups").select(["id", "name", "system_key"]).orderBy("system_key").orderBy("name");
  if (onlyId) q = q.where("id", "=", onlyId);
  const groups = await q.execute();
  const perms = await tx
    .selectFrom("group_permissions")
    .select(["group_id", "permission"])
    .orderBy("permission")
    .execute();
  const members = await tx
    .selectFrom("group_members as gm")
    .innerJoin("users as u", (j) =>
      j.onRef("u.tenant_id", "=", "gm.tenant_id").onRef("u.id", "=", "gm.user_id"),
    )
    .select(["gm.group_id", "u.id", "u.name", "u.email"])
    .orderBy("u.name")
    .execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    systemKey: g.system_key,
    permissions: perms.filter((p) => p.group_id === g.id).map((p) => p.permission),
    members: members.filter((m) => m.group_id === g.id).map(({ id, name, email }) => ({ id, name, email })),
  }));
}

export function listGroups(db: Db, tenantId: string): Promise<GroupView[]> {
  return inTenant(db, tenantId, (tx) => loadGroups(tx));
}

async function loadGroup(tx: Tx, id: string): Promise<GroupView> {
  const [group] = await loadGroups(tx, id);
  if (!group) throw notFound("This group");
  return group;
}

function checkPermissions(permissions: string[]): string[] {
  permissions.forEach((p, i) => {
    if (!isPermission(p)) throw invalidField(`permissions.${i}`, `There is no permission named "${p}".`);
  });
  return [...new Set(permissions)];
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  let q = tx
    .selectFrom("groups")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()));
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) {
    throw new AppError("conflict", `A group named "${name}" already exists.`, {
      errors: [{ field: "name", message: "already in use" }],
    });
  }
}

export async function createGroup(
  db: Db,
  tenantId: string,
  input: { name: string; permissions: string[] },
): Promise<GroupView> {
  const permissions = checkPermissions(input.permissions);
  return inTenant(db, tenantId, async (tx) => {
    const name = input.name.trim();
    await assertNameFree(tx, name);
    const { id } = await tx
      .insertInto("groups")
      .values({ tenant_id: tenantId, name, system_key: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (permissions.length) {
      await tx
        .insertInto("group_permissions")
        .values(permissions.map((permission) => ({ tenant_id: tenantId, group_id: id, permission })))
        .execute();
    }
    return loadGroup(tx, id);
  });
}

export async function updateGroup(
  db: Db,
  tenantId: string,
  id: string,
  patch: { name?: string | undefined; permissions?: string[] | undefined },
): Promise<GroupView> {
  const permissions = patch.permissions && checkPermissions(patch.permissions);
  return inTenant(db, tenantId, async (tx) => {
    const group = await loadGroup(tx, id);
    if (patch.name !== undefined && patch.name.trim() !== group.name) {
      if (group.systemKey)
        throw invalidField("name", `"${group.name}" is a system group and cannot be renamed.`);
      await assertNameFree(tx, patch.name.trim(), id);
      await tx.updateTable("groups").set({ name: patch.name.trim() }).where("id", "=", id).execute();
    }
    if (permissions) {
      // Granting tickets:manage to a group with members can add agents: checked against max_agents.
      await withAgentQuota(tx, tenantId, async () => {
        await tx.deleteFrom("group_permissions").where("group_id", "=", id).execute();
        if (permissions.length) {
          await tx
            .insertInto("group_permissions")
            .values(permissions.map((permission) => ({ tenant_id: tenantId, group_id: id, permission })))
            .execute();
        }
      });
    }
    return loadGroup(tx, id);
  });
}

export async function deleteGroup(db: Db, tenantId: string, id: string): Promise<void> {
  await inTenant(db, tenantId, async (tx) => {
    const group = await loadGroup(tx, id);
    if (group.systemKey)
      throw new AppError("conflict", `"${group.name}" is a system group and cannot be deleted.`);
    await tx.deleteFrom("group_members").where("group_id", "=", id).execute();
    await tx.deleteFrom("groups").where("id", "=", id).execute();
  });
}

export async function addMember(
  db: Db,
  tenantId: string,
  groupId: string,
  userId: string,
): Promise<GroupView> {
  return inTenant(db, tenantId, async (tx) => {
    await loadGroup(tx, groupId);
    const user = await tx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
    if (!user) throw notFound("This user");
    await withAgentQuota(tx, tenantId, () =>
      tx
        .insertInto("group_members")
        .values({ tenant_id: tenantId, group_id: groupId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    return loadGroup(tx, groupId);
  });
}

export async function removeMember(
  db: Db,
  tenantId: string,
  actorId: string,
  groupId: string,
  userId: string,
): Promise<GroupView> {
  return inTenant(db, tenantId, async (tx) => {
    const group = await loadGroup(tx, groupId);
    const user = await tx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
    if (!user) throw notFound("This user");
    if (group.systemKey === "administrators" && userId === actorId) {
      throw new AppError(
        "conflict",
        "You cannot remove yourself from Administrators; ask another administrator.",
      );
    }
    await tx
      .deleteFrom("group_members")
      .where("group_id", "=", groupId)
      .where("user_id", "=", userId)
      .execute();
    return loadGroup(tx, groupId);
  });
}

/** Create a system group with its permissions unless the tenant has it already (idempotent). */
export async function ensureSystemGroup(tx: Tx, tenantId: string, key: SystemGroupKey): Promise<string> {
  const existing = await tx
    .selectFrom("groups")
    .select("id")
    .where("system_key", "=", key)
    .executeTakeFirst();
  if (existing) return existing.id;
  const spec = SYSTEM_GROUPS[key];
  const { id } = await tx
    .insertInto("groups")
    .values({ tenant_id: tenantId, name: spec.name, system_key: key })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("group_permissions")
    .values(spec.permissions.map((permission) => ({ tenant_id: tenantId, group_id: id, permission })))
    .execute();
  return id;
}
