import type { FeatureFlag } from "../auth/types.ts";

export interface OperatorSession {
  operator: { id: string; email: string };
  csrfToken: string;
}

export interface License {
  active: boolean;
  flags: string[];
  maxAgents: number;
  maxEmailsMonth: number;
  apiRateLimit: number;
  activatedAt: string | null;
  updatedAt: string | null;
}

export interface TenantUsage {
  agents: number;
  maxAgents: number | null;
  emailsThisMonth: number;
  maxEmailsMonth: number | null;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
  license: License | null;
  usage: TenantUsage;
}

export interface QuotaAlert {
  id: string;
  tenant: { slug: string; name: string };
  kind: string;
  period: string;
  message: string;
  createdAt: string;
}

export interface LicenseInput {
  active: boolean;
  flags?: string[];
  maxAgents?: number;
  maxEmailsMonth?: number;
  apiRateLimit?: number;
}

export const FLAG_DESCRIPTIONS: Record<FeatureFlag, string> = {
  agent_portal: "Agent UI at /tickets",
  end_user_portal: "Desk portal for end users at /desk",
  asset_integration: "“Report issue” on asset pages and ticket links to assets",
  email_notifications: "Automated emails on ticket events",
  email_templates: "Custom email templates per event",
  public_api: "Ticket endpoints in the Public API",
  movement_link: "Link a ticket to an asset movement",
};

export const LICENSE_DEFAULTS = { maxAgents: 10, maxEmailsMonth: 10_000, apiRateLimit: 600 };
