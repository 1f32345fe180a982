/** What the operator routes of the internal API answer (libs/server/operator, public-api). */
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

export interface NewTenantInput {
  slug: string;
  name: string;
  adminEmail: string;
  adminName?: string;
  adminPassword: string;
}

export interface OperatorUsageRow {
  day: string;
  tenant_slug: string;
  key_id: string;
  key_name: string;
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}
