import type { Db } from "../../db/database.ts";
import { getLicense, type LicenseView } from "../licensing/licenses.ts";
import { type TenantUsage, tenantUsage } from "../licensing/quota-check.ts";

export interface TenantOverview {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  license: LicenseView | null;
  usage: TenantUsage;
}

/** Every tenant with its license and usage, for the operator console. */
export async function listTenants(db: Db): Promise<TenantOverview[]> {
  const tenants = await db
    .selectFrom("tenants")
    .select(["id", "slug", "name", "created_at"])
    .orderBy("slug")
    .execute();
  return Promise.all(
    tenants.map(async (t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      createdAt: t.created_at,
      license: await getLicense(db, t.id),
      usage: await tenantUsage(db, t.id),
    })),
  );
}

export async function listAlerts(db: Db) {
  const rows = await db
    .selectFrom("operator_alerts as a")
    .innerJoin("tenants as t", "t.id", "a.tenant_id")
    .select(["a.id", "a.kind", "a.period", "a.message", "a.created_at", "t.slug", "t.name"])
    .orderBy("a.created_at", "desc")
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenant: { slug: r.slug, name: r.name },
    kind: r.kind,
    period: r.period,
    message: r.message,
    createdAt: r.created_at,
  }));
}
