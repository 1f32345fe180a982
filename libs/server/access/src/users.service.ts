import { Injectable } from "@nestjs/common";
import { AppError, invalidField, notFound } from "@uslimato/server-core";
import { Group, GroupMember, inTenant, Session, User } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";
import { withAgentQuota } from "./agent-quota.ts";
import { hashPassword, passwordWeakness } from "./passwords.ts";

export interface UserView {
  id: string;
  email: string;
  name: string;
  active: boolean;
  groups: { id: string; name: string }[];
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  /** Group names to add the user to (the CLI's --group). */
  groups?: string[];
}

export interface UserPatch {
  name?: string | undefined;
  active?: boolean | undefined;
}

/** A tenant's users: list, create (also inside tenant creation and the CLI), rename, (de)activate. */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  listUsers(tenantId: string): Promise<UserView[]> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const users = await em.getRepository(User).find({
        select: { id: true, email: true, name: true, active: true },
        order: { email: "ASC" },
      });
      const memberships = await em
        .createQueryBuilder(GroupMember, "gm")
        .innerJoin(Group, "g", "g.tenantId = gm.tenantId and g.id = gm.groupId")
        .select(['gm.userId as "userId"', "g.id as id", "g.name as name"])
        .orderBy("g.name")
        .getRawMany<{ userId: string; id: string; name: string }>();
      return users.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        active: u.active,
        groups: memberships.filter((m) => m.userId === u.id).map((m) => ({ id: m.id, name: m.name })),
      }));
    });
  }

  async getUser(tenantId: string, id: string): Promise<UserView> {
    const user = (await this.listUsers(tenantId)).find((u) => u.id === id);
    if (!user) throw notFound("This user");
    return user;
  }

  async createUser(tenantId: string, input: NewUser): Promise<UserView> {
    const id = await inTenant(this.dataSource, tenantId, (em) => this.insertUser(em, tenantId, input));
    return this.getUser(tenantId, id);
  }

  /** Create a user in an open tenant transaction (also used by tenant creation and the CLI). */
  async insertUser(em: EntityManager, tenantId: string, input: NewUser): Promise<string> {
    const email = input.email.trim();
    const weakness = passwordWeakness(input.password, email);
    if (weakness) throw invalidField("password", `Password ${weakness}.`);
    const taken = await em
      .createQueryBuilder(User, "u")
      .select("u.id")
      .where("lower(u.email) = :email", { email: email.toLowerCase() })
      .getOne();
    if (taken) {
      throw new AppError("conflict", `A user with the email ${email} already exists.`, {
        errors: [{ field: "email", message: "already in use" }],
      });
    }
    const groupIds: string[] = [];
    for (const name of input.groups ?? []) {
      const group = await em
        .createQueryBuilder(Group, "g")
        .select("g.id")
        .where("lower(g.name) = :name", { name: name.toLowerCase() })
        .getOne();
      if (!group) throw invalidField("groups", `There is no group named "${name}".`);
      groupIds.push(group.id);
    }
    const passwordHash = await hashPassword(input.password);
    return withAgentQuota(em, tenantId, async () => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ tenantId, email, name: input.name.trim(), passwordHash })
        .returning("id")
        .updateEntity(false)
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new Error("insert into users returned no id");
      for (const groupId of groupIds) {
        await em.getRepository(GroupMember).insert({ tenantId, groupId, userId: id });
      }
      return id;
    });
  }

  async updateUser(tenantId: string, actorId: string, id: string, patch: UserPatch): Promise<UserView> {
    await inTenant(this.dataSource, tenantId, async (em) => {
      const user = await em.getRepository(User).findOne({ select: { id: true }, where: { tenantId, id } });
      if (!user) throw notFound("This user");
      if (patch.active === false && id === actorId) {
        throw invalidField("active", "You cannot deactivate yourself.");
      }
      const changes = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      // Reactivating an agent takes a seat again, so it goes through the quota check.
      await withAgentQuota(em, tenantId, async () => {
        if (Object.keys(changes).length > 0) await em.getRepository(User).update({ tenantId, id }, changes);
      });
      if (patch.active === false) await em.getRepository(Session).delete({ tenantId, userId: id });
    });
    return this.getUser(tenantId, id);
  }
}
