import { type Db, scopeToTenant } from "../../db/database.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import { ensureSystemGroup } from "../access/groups.ts";
import { passwordWeakness } from "../access/passwords.ts";
import { insertUser } from "../access/users.ts";

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export interface NewTenant {
  slug: string;
  name: string;
  adminEmail: string;
  adminName?: string | undefined;
  adminPassword: string;
}

/**
 * Operator action: a tenant with its system group "Administrators" and its first user in it.
 * One transaction: a refused admin password leaves no half-made tenant behind.
 */
export async function createTenant(
  db: Db,
  input: NewTenant,
): Promise<{ id: string; slug: string; name: string }> {
  if (!SLUG_RE.test(input.slug)) {
    throw invalidField(
      "slug",
      "Use 2–40 lower-case letters, digits and dashes, starting with a letter or digit.",
    );
  }
  // Checked here too (insertUser does it again) so that the error names the field the caller sent.
  const weakness = passwordWeakness(input.adminPassword, input.adminEmail);
  if (weakness) throw invalidField("adminPassword", `Password ${weakness}.`);
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom("tenants")
      .select("id")
      .where("slug", "=", input.slug)
      .executeTakeFirst();
    if (taken)
      throw new AppError("conflict", `A tenant with the slug "${input.slug}" already exists.`, {
        errors: [{ field: "slug", message: "already in use" }],
      });
    const tenant = await tx
      .insertInto("tenants")
      .values({ slug: input.slug, name: input.name.trim() })
      .returning(["id", "slug", "name"])
      .executeTakeFirstOrThrow();
    await scopeToTenant(tx, tenant.id);
    await ensureSystemGroup(tx, tenant.id, "administrators");
    await insertUser(tx, tenant.id, {
      email: input.adminEmail,
      name: input.adminName?.trim() || input.adminEmail.split("@")[0] || input.adminEmail,
      password: input.adminPassword,
      groups: ["Administrators"],
    });
    return tenant;
  });
}

/** Operator lookup by slug (unscoped: the operator sees every tenant). */
export async function unsafeTenantBySlug(
  db: Db,
  slug: string,
): Promise<{ id: string; slug: string; name: string }> {
  const tenant = await db
    .selectFrom("tenants")
    .select(["id", "slug", "name"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!tenant) throw notFound(`The tenant "${slug}"`);
  return tenant;
}
