import { type Db, inTenant, type Tx } from "../../db/database.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import { withAgentQuota } from "../licensing/agent-quota.ts";
import { hashPassword, passwordWeakness } from "./passwords.ts";

export interface UserView {
  id: string;
  email: string;
  name: string;
  active: boolean;
  groups: { id: string; name: string }[];
}

export async function listUsers(db: Db, tenantId: string): Promise<UserView[]> {
  return inTenant(db, tenantId, async (tx) => {
    const users = await tx
      .selectFrom("users")
      .select(["id", "email", "name", "active"])
      .orderBy("email")
      .execute();
    const memberships = await tx
      .selectFrom("group_members as gm")
      .innerJoin("groups as g", (j) =>
        j.onRef("g.tenant_id", "=", "gm.tenant_id").onRef("g.id", "=", "gm.group_id"),
      )
      .select(["gm.user_id", "g.id", "g.name"])
      .orderBy("g.name")
      .execute();
    return users.map((u) => ({
      ...u,
      groups: memberships.filter((m) => m.user_id === u.id).map((m) => ({ id: m.id, name: m.name })),
    }));
  });
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  /** Group names to add the user to (the CLI's --group). */
  groups?: string[];
}

/** Create a user in an open tenant transaction (also used by tenant creation and the CLI). */
export async function insertUser(tx: Tx, tenantId: string, input: NewUser): Promise<string> {
  const email = input.email.trim();
  const weakness = passwordWeakness(input.password, email);
  if (weakness) throw invalidField("password", `Password ${weakness}.`);
  const taken = await tx
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  if (taken)
    throw new AppError("conflict", `A user with the email ${email} already exists.`, {
      errors: [{ field: "email", message: "already in use" }],
    });
  const groupIds: string[] = [];
  for (const name of input.groups ?? []) {
    const group = await tx
      .selectFrom("groups")
      .select("id")
      .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
      .executeTakeFirst();
    if (!group) throw invalidField("groups", `There is no group named "${name}".`);
    groupIds.push(group.id);
  }
  const password_hash = await hashPassword(input.password);
  return withAgentQuota(tx, tenantId, async () => {
    const { id } = await tx
      .insertInto("users")
      .values({ tenant_id: tenantId, email, name: input.name.trim(), password_hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const group_id of groupIds) {
      await tx.insertInto("group_members").values({ tenant_id: tenantId, group_id, user_id: id }).execute();
    }
    return id;
  });
}

export async function createUser(db: Db, tenantId: string, input: NewUser): Promise<UserView> {
  const id = await inTenant(db, tenantId, (tx) => insertUser(tx, tenantId, input));
  return getUser(db, tenantId, id);
}

export async function getUser(db: Db, tenantId: string, id: string): Promise<UserView> {
  const user = (await listUsers(db, tenantId)).find((u) => u.id === id);
  if (!user) throw notFound("This user");
  return user;
}

export async function updateUser(
  db: Db,
  tenantId: string,
  actorId: string,
  id: string,
  patch: { name?: string | undefined; active?: boolean | undefined },
): Promise<UserView> {
  await inTenant(db, tenantId, async (tx) => {
    const user = await tx
      .selectFrom("users")
      .select(["id", "active"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!user) throw notFound("This user");
    if (patch.active === false && id === actorId)
      throw invalidField("active", "You cannot deactivate yourself.");
    // Reactivating an agent takes a seat again, so it goes through the quota check.
    await withAgentQuota(tx, tenantId, async () => {
      await tx
        .updateTable("users")
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        })
        .where("id", "=", id)
        .execute();
    });
    if (patch.active === false) await tx.deleteFrom("sessions").where("user_id", "=", id).execute();
  });
  return getUser(db, tenantId, id);
}
