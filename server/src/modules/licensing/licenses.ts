import { type Db, inTenant } from "../../db/database.ts";
import { invalidField } from "../../http/errors.ts";
import { ensureSystemGroup } from "../access/groups.ts";
import { FEATURE_FLAGS, isFeatureFlag } from "./features.ts";

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

/**
 * Operator action: activate (or update) or deactivate a tenant's ITSM license. Activation creates the
 * system group "ITSM Agent" once; running it again updates the license. Deactivation keeps every row.
 */
export async function setLicense(db: Db, tenantId: string, change: LicenseChange): Promise<LicenseView> {
  const flags = change.flags ? checkFlags(change.flags) : undefined;
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
  return inTenant(db, tenantId, async (tx) => {
    const existing = await tx.selectFrom("itsm_licenses").selectAll().executeTakeFirst();
    const values = {
      active: change.active,
      flags: flags ?? existing?.flags ?? [...FEATURE_FLAGS],
      max_agents: change.maxAgents ?? existing?.max_agents ?? LICENSE_DEFAULTS.maxAgents,
      max_emails_month:
        change.maxEmailsMonth ?? existing?.max_emails_month ?? LICENSE_DEFAULTS.maxEmailsMonth,
      api_rate_limit: change.apiRateLimit ?? existing?.api_rate_limit ?? LICENSE_DEFAULTS.apiRateLimit,
      updated_at: new Date(),
    };
    if (existing) {
      await tx.updateTable("itsm_licenses").set(values).execute();
    } else {
      await tx
        .insertInto("itsm_licenses")
        .values({ tenant_id: tenantId, ...values })
        .execute();
    }
    if (change.active) await ensureSystemGroup(tx, tenantId, "itsm_agent");
    const row = await tx.selectFrom("itsm_licenses").selectAll().executeTakeFirstOrThrow();
    return toView(row);
  });
}

export async function getLicense(db: Db, tenantId: string): Promise<LicenseView | null> {
  const row = await inTenant(db, tenantId, (tx) =>
    tx.selectFrom("itsm_licenses").selectAll().executeTakeFirst(),
  );
  return row ? toView(row) : null;
}

function toView(row: {
  active: boolean;
  flags: string[];
  max_agents: number;
  max_emails_month: number;
  api_rate_limit: number;
  activated_at: Date;
  updated_at: Date;
}): LicenseView {
  return {
    active: row.active,
    flags: row.flags,
    maxAgents: row.max_agents,
    maxEmailsMonth: row.max_emails_month,
    apiRateLimit: row.api_rate_limit,
    activatedAt: row.activated_at,
    updatedAt: row.updated_at,
  };
}
