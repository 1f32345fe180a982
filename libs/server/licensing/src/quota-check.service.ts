import { Injectable } from "@nestjs/common";
import { countAgents } from "@uslimato/server-access";
import { ItsmLicense, inTenant, MonthlyUsage, OperatorAlert, Tenant, unscoped } from "@uslimato/server-data";
import { DataSource } from "typeorm";

/** "YYYY-MM" (UTC), the key of monthly_usage. */
export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export interface TenantUsage {
  agents: number;
  maxAgents: number | null;
  emailsThisMonth: number;
  maxEmailsMonth: number | null;
}

/** Usage against the license's quotas, and the background check that reports overruns to the operator. */
@Injectable()
export class QuotaCheckService {
  constructor(private readonly dataSource: DataSource) {}

  tenantUsage(tenantId: string, now = new Date()): Promise<TenantUsage> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const license = await em.getRepository(ItsmLicense).findOne({
        select: { tenantId: true, maxAgents: true, maxEmailsMonth: true },
        where: { tenantId },
      });
      const usage = await em.getRepository(MonthlyUsage).findOne({
        select: { tenantId: true, month: true, emailsSent: true },
        where: { tenantId, month: currentMonth(now) },
      });
      return {
        agents: await countAgents(em, tenantId),
        maxAgents: license?.maxAgents ?? null,
        emailsThisMonth: usage?.emailsSent ?? 0,
        maxEmailsMonth: license?.maxEmailsMonth ?? null,
      };
    });
  }

  /**
   * The background quota check: records overruns that arose anyway (the operator lowered a quota, say)
   * as operator alerts, at most one per tenant, kind and period. Run hourly by the scheduler and on
   * demand (CLI `quota check`, operator console).
   */
  async runQuotaCheck(now = new Date()): Promise<{ alertsRaised: number }> {
    // Across every tenant (the scheduler's job, no caller's tenant): unscoped.
    const tenants = await unscoped(
      this.dataSource,
      (em) =>
        em
          .createQueryBuilder(ItsmLicense, "l")
          .innerJoin(Tenant, "t", "t.id = l.tenantId")
          .select(["t.id as id", "t.slug as slug"])
          .where("l.active = true")
          .getRawMany<{ id: string; slug: string }>(),
      { readOnly: true },
    );
    let alertsRaised = 0;
    for (const tenant of tenants) {
      const usage = await this.tenantUsage(tenant.id, now);
      for (const alert of overruns(tenant.slug, usage, now)) {
        if (await this.raiseAlert(tenant.id, alert)) alertsRaised++;
      }
    }
    return { alertsRaised };
  }

  /** True when the alert is new (one per tenant, kind and period: a repeat is ignored). */
  private raiseAlert(tenantId: string, alert: { kind: string; period: string; message: string }) {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(OperatorAlert)
        .values({ tenantId, ...alert })
        .orIgnore()
        .returning("id")
        .updateEntity(false)
        .execute();
      return (inserted.raw as unknown[]).length > 0;
    });
  }
}

function overruns(slug: string, usage: TenantUsage, now: Date) {
  const alerts: { kind: string; period: string; message: string }[] = [];
  if (usage.maxAgents !== null && usage.agents > usage.maxAgents) {
    alerts.push({
      kind: "max_agents_exceeded",
      period: now.toISOString().slice(0, 10),
      message: `${slug} has ${usage.agents} agents but its license allows ${usage.maxAgents}.`,
    });
  }
  if (usage.maxEmailsMonth !== null && usage.emailsThisMonth >= usage.maxEmailsMonth) {
    alerts.push({
      kind: "max_emails_month_reached",
      period: currentMonth(now),
      message: `${slug} sent ${usage.emailsThisMonth} of ${usage.maxEmailsMonth} emails allowed this month; further mails are dropped.`,
    });
  }
  return alerts;
}
