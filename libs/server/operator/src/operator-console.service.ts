import { Injectable } from "@nestjs/common";
import { OperatorAlert, Tenant, unscoped } from "@uslimato/server-data";
import { checkFlags, LicensingService, QuotaCheckService } from "@uslimato/server-licensing";
import { TenantsService } from "@uslimato/server-tenants";
import { DataSource } from "typeorm";
import type { LicenseChangeDto, NewTenantDto } from "./dto/operator.dto.ts";

/**
 * The operator console: every tenant with its license and usage, tenant creation, licenses, alerts and
 * the quota check on demand. Tenants and alerts are read unscoped (the operator sees every tenant);
 * anything that touches a tenant's own rows goes through that tenant's services.
 */
@Injectable()
export class OperatorConsoleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly licensing: LicensingService,
    private readonly quotas: QuotaCheckService,
  ) {}

  async listTenants() {
    const tenants = await unscoped(
      this.dataSource,
      (em) =>
        em.getRepository(Tenant).find({
          select: { id: true, slug: true, name: true, createdAt: true },
          order: { slug: "ASC" },
        }),
      { readOnly: true },
    );
    return Promise.all(
      tenants.map(async (t) => ({
        id: t.id,
        slug: t.slug,
        name: t.name,
        createdAt: t.createdAt,
        license: await this.licensing.getLicense(t.id),
        usage: await this.quotas.tenantUsage(t.id),
      })),
    );
  }

  createTenant(input: NewTenantDto) {
    return this.tenants.createTenant(input);
  }

  /** Activate, update or deactivate the ITSM license of the tenant with this slug. */
  async setLicense(slug: string, change: LicenseChangeDto) {
    // Flags before the tenant, as the old schema did; a non-string item is refused as an unknown flag.
    const flags = change.flags === undefined ? undefined : checkFlags(change.flags.map(String));
    const tenant = await this.tenants.unsafeTenantBySlug(slug);
    return this.licensing.setLicense(tenant.id, { ...change, flags });
  }

  /** The newest 500 alerts of every tenant. */
  async listAlerts() {
    const rows = await unscoped(
      this.dataSource,
      (em) =>
        em
          .createQueryBuilder(OperatorAlert, "a")
          .innerJoin(Tenant, "t", "t.id = a.tenantId")
          .select(["a.id AS id", "a.kind AS kind", "a.period AS period", "a.message AS message"])
          .addSelect(["a.createdAt AS created_at", "t.slug AS slug", "t.name AS name"])
          .orderBy("a.createdAt", "DESC")
          .limit(500)
          .getRawMany<AlertRow>(),
      { readOnly: true },
    );
    return rows.map((r) => ({
      id: r.id,
      tenant: { slug: r.slug, name: r.name },
      kind: r.kind,
      period: r.period,
      message: r.message,
      createdAt: r.created_at,
    }));
  }

  runQuotaCheck() {
    return this.quotas.runQuotaCheck();
  }
}

interface AlertRow {
  id: string;
  kind: string;
  period: string;
  message: string;
  created_at: Date;
  slug: string;
  name: string;
}
