import { Injectable } from "@nestjs/common";
import { FEATURE_FLAGS, isFeatureFlag } from "@uslimato/domain";
import { GroupsService } from "@uslimato/server-access";
import { invalidField } from "@uslimato/server-core";
import { ItsmLicense, inTenant } from "@uslimato/server-data";
import { DataSource } from "typeorm";

export interface LicenseView {
  active: boolean;
  flags: string[];
  maxAgents: number;
  maxEmailsMonth: number;
  apiRateLimit: number;
  activatedAt: Date;
  updatedAt: Date;
}

export const LICENSE_DEFAULTS = { maxAgents: 10, maxEmailsMonth: 10_000, apiRateLimit: 600 } as const;

export interface LicenseChange {
  active: boolean;
  flags?: string[] | undefined;
  maxAgents?: number | undefined;
  maxEmailsMonth?: number | undefined;
  apiRateLimit?: number | undefined;
}

/** The flags as given, without repeats; an unknown flag is a 422 naming it and the known ones. */
export function checkFlags(flags: string[]): string[] {
  flags.forEach((f, i) => {
    if (!isFeatureFlag(f))
      throw invalidField(
        `flags.${i}`,
        `There is no feature flag "${f}". Known flags: ${FEATURE_FLAGS.join(", ")}.`,
      );
  });
  return [...new Set(flags)];
}

function checkLimits(change: LicenseChange): void {
  for (const [field, value] of [
    ["maxAgents", change.maxAgents],
    ["maxEmailsMonth", change.maxEmailsMonth],
    ["apiRateLimit", change.apiRateLimit],
  ] as const) {
    if (
      value !== undefined &&
      (!Number.isInteger(value) || value < (field === "apiRateLimit" ? 1 : 0) || value > 10_000_000)
    ) {
      throw invalidField(
        field,
        "must be a whole number between 0 and 10,000,000 (the rate limit at least 1).",
      );
    }
  }
}

/** A tenant's ITSM add-on license. */
@Injectable()
export class LicensingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  /**
   * Operator action: activate (or update) or deactivate a tenant's ITSM license. Activation creates the
   * system group "ITSM Agent" once; running it again updates the license. Deactivation keeps every row.
   */
  async setLicense(tenantId: string, change: LicenseChange): Promise<LicenseView> {
    const flags = change.flags ? checkFlags(change.flags) : undefined;
    checkLimits(change);
    return inTenant(this.dataSource, tenantId, async (em) => {
      const licenses = em.getRepository(ItsmLicense);
      const existing = await licenses.findOne({ where: { tenantId } });
      const values = {
        active: change.active,
        flags: flags ?? existing?.flags ?? [...FEATURE_FLAGS],
        maxAgents: change.maxAgents ?? existing?.maxAgents ?? LICENSE_DEFAULTS.maxAgents,
        maxEmailsMonth: change.maxEmailsMonth ?? existing?.maxEmailsMonth ?? LICENSE_DEFAULTS.maxEmailsMonth,
        apiRateLimit: change.apiRateLimit ?? existing?.apiRateLimit ?? LICENSE_DEFAULTS.apiRateLimit,
        updatedAt: new Date(),
      };
      if (existing) await licenses.update({ tenantId }, values);
      else await licenses.insert({ tenantId, ...values });
      if (change.active) await this.groups.ensureSystemGroup(em, tenantId, "itsm_agent");
      return toView(await licenses.findOneOrFail({ where: { tenantId } }));
    });
  }

  async getLicense(tenantId: string): Promise<LicenseView | null> {
    const row = await inTenant(this.dataSource, tenantId, (em) =>
      em.getRepository(ItsmLicense).findOne({ where: { tenantId } }),
    );
    return row ? toView(row) : null;
  }
}

function toView(row: ItsmLicense): LicenseView {
  return {
    active: row.active,
    flags: row.flags,
    maxAgents: row.maxAgents,
    maxEmailsMonth: row.maxEmailsMonth,
    apiRateLimit: row.apiRateLimit,
    activatedAt: row.activatedAt,
    updatedAt: row.updatedAt,
  };
}
