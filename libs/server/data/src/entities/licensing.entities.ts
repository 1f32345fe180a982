import { Column, Entity, PrimaryColumn } from "typeorm";

/** A tenant's ITSM add-on license (kept with active = false when deactivated). */
@Entity({ name: "itsm_licenses" })
export class ItsmLicense {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @Column({ type: "boolean", name: "active", default: true })
  active: boolean;

  @Column({ type: "text", name: "flags", array: true })
  flags: string[];

  @Column({ type: "integer", name: "max_agents" })
  maxAgents: number;

  @Column({ type: "integer", name: "max_emails_month" })
  maxEmailsMonth: number;

  @Column({ type: "integer", name: "api_rate_limit", default: 600 })
  apiRateLimit: number;

  @Column({ type: "timestamptz", name: "activated_at", default: () => "now()" })
  activatedAt: Date;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;
}

/** A tenant's usage counters for one month ("YYYY-MM"). */
@Entity({ name: "monthly_usage" })
export class MonthlyUsage {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "text", name: "month" })
  month: string;

  @Column({ type: "integer", name: "emails_sent", default: 0 })
  emailsSent: number;

  @Column({ type: "integer", name: "emails_dropped", default: 0 })
  emailsDropped: number;

  @Column({ type: "integer", name: "emails_failed", default: 0 })
  emailsFailed: number;
}
