import { Injectable } from "@nestjs/common";
import { GroupsService, passwordWeakness, UsersService } from "@uslimato/server-access";
import { AppError, invalidField, notFound } from "@uslimato/server-core";
import { scopeToTenant, Tenant, unscoped } from "@uslimato/server-data";
import { DataSource } from "typeorm";

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export interface NewTenant {
  slug: string;
  name: string;
  adminEmail: string;
  adminName?: string | undefined;
  adminPassword: string;
}

export interface TenantView {
  id: string;
  slug: string;
  name: string;
}

/** Tenants: created by the operator (console or CLI), each with its Administrators and first user. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Operator action: a tenant with its system group "Administrators" and its first user in it.
   * One transaction: a refused admin password leaves no half-made tenant behind. It starts unscoped
   * (the tenant does not exist yet) and is narrowed to the new tenant right after its row is written.
   */
  async createTenant(input: NewTenant): Promise<TenantView> {
    if (!SLUG_RE.test(input.slug)) {
      throw invalidField(
        "slug",
        "Use 2–40 lower-case letters, digits and dashes, starting with a letter or digit.",
      );
    }
    // Checked here too (insertUser does it again) so that the error names the field the caller sent.
    const weakness = passwordWeakness(input.adminPassword, input.adminEmail);
    if (weakness) throw invalidField("adminPassword", `Password ${weakness}.`);
    return unscoped(this.dataSource, async (em) => {
      const taken = await em
        .getRepository(Tenant)
        .findOne({ select: { id: true }, where: { slug: input.slug } });
      if (taken) {
        throw new AppError("conflict", `A tenant with the slug "${input.slug}" already exists.`, {
          errors: [{ field: "slug", message: "already in use" }],
        });
      }
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(Tenant)
        .values({ slug: input.slug, name: input.name.trim() })
        .returning(["id", "slug", "name"])
        .updateEntity(false)
        .execute();
      const tenant = (inserted.raw as TenantView[])[0];
      if (!tenant) throw new Error("insert into tenants returned no row");
      await scopeToTenant(em, tenant.id);
      await this.groups.ensureSystemGroup(em, tenant.id, "administrators");
      await this.users.insertUser(em, tenant.id, {
        email: input.adminEmail,
        name: input.adminName?.trim() || input.adminEmail.split("@")[0] || input.adminEmail,
        password: input.adminPassword,
        groups: ["Administrators"],
      });
      return tenant;
    });
  }

  /** Operator lookup by slug (unscoped: the operator sees every tenant). */
  async unsafeTenantBySlug(slug: string): Promise<TenantView> {
    const tenant = await unscoped(
      this.dataSource,
      (em) =>
        em.getRepository(Tenant).findOne({ select: { id: true, slug: true, name: true }, where: { slug } }),
      { readOnly: true },
    );
    if (!tenant) throw notFound(`The tenant "${slug}"`);
    return { id: tenant.id, slug: tenant.slug, name: tenant.name };
  }
}
