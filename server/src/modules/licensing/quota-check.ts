import { type Db, inTenant } from "../../db/database.ts";
import { countAgents } from "./agent-quota.ts";

export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export interface TenantUsage {
  agents: number;
  maxAgents: number | null;
  emailsThisMonth: number;
  maxEmailsMonth: number | null;
}

export async function tenantUsage(db: Db, tenantId: string, now = new Date()): Promise<TenantUsage> {
  return inTenant(db, tenantId, async (tx) => {
    const license = await tx
      .selectFrom("itsm_licenses")
      .select(["max_agents", "max_emails_month"])
      .executeTakeFirst();
    const usage = await tx
      .selectFrom("monthly_usage")
      .select("emails_sent")
      .where("month", "=", currentMonth(now))
      .executeTakeFirst();
    return {
      agents: await countAgents(tx, tenantId),
      maxAgents: license?.max_agents ?? null,
      emailsThisMonth: usage?.emails_sent ?? 0,
      maxEmailsMonth: license?.max_emails_month ?? null,
    };
  });
}

/**
 * The background quota check: records overruns that arose anyway (the operator lowered a quota, say) as
 * operator alerts, at most one per tenant, kind and period. Run hourly by the scheduler and on demand
 * (CLI `quota check`, operator console).
 */
export async function runQuotaCheck(db: Db, now = new Date()): Promise<{ alertsRaised: number }> {
  const tenants = await db
    .selectFrom("itsm_licenses")
    .innerJoin("tenants", "tenants.id", "itsm_licenses.tenant_id")
    .select(["tenants.id", "tenants.slug"])
    .where("itsm_licenses.active", "=", true)
    .execute();
  let alertsRaised = 0;
  for (const tenant of tenants) {
    const usage = await tenantUsage(db, tenant.id, now);
    const alerts: { kind: string; period: string; message: string }[] = [];
    if (usage.maxAgents !== null && usage.agents > usage.maxAgents) {
      alerts.push({
        kind: "max_agents_exceeded",
        period: now.toISOString().slice(0, 10),
        message: `${tenant.slug} has ${usage.agents} agents but its license allows ${usage.maxAgents}.`,
      });
    }
    if (usage.maxEmailsMonth !== null && usage.emailsThisMonth >= usage.maxEmailsMonth) {
      alerts.push({
        kind: "max_emails_month_reached",
        period: currentMonth(now),
        message: `${tenant.slug} sent ${usage.emailsThisMonth} of ${usage.maxEmailsMonth} emails allowed this month; further mails are dropped.`,
      });
    }
    for (const alert of alerts) {
      const inserted = await inTenant(db, tenant.id, (tx) =>
        tx
          .insertInto("operator_alerts")
          .values({ tenant_id: tenant.id, ...alert })
          .onConflict((oc) => oc.columns(["tenant_id", "kind", "period"]).doNothing())
          .returning("id")
          .executeTakeFirst(),
      );
      if (inserted) alertsRaised++;
    }
  }
  return { alertsRaised };
}
