/** What the settings routes of the internal API answer (libs/server/access, tickets, public-api). */

export interface GroupRef {
  id: string;
  name: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  active: boolean;
  groups: GroupRef[];
}

export interface Member {
  id: string;
  name: string;
  email: string;
}

export interface Group {
  id: string;
  name: string;
  systemKey: "administrators" | "itsm_agent" | null;
  permissions: string[];
  members: Member[];
}

/** One entry of the permission catalogue (GET /api/permissions). */
export interface PermissionInfo {
  name: string;
  description: string;
  itsm: boolean;
}

export interface ItsmSettings {
  ticketPrefix: string;
  autoCloseDays: number;
  /** Where new-ticket emails go instead of every agent; null: every agent. Absent from older servers. */
  queueEmail?: string | null;
}

export interface EmailTemplate {
  event: string;
  subject: string;
  html: string;
  text: string;
  /** false: the built-in template is in use. */
  custom: boolean;
  placeholders: string[];
}

export interface TemplateContent {
  subject: string;
  html: string;
  text: string;
}

export interface UsageCounts {
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}

export interface ApiKey {
  id: string;
  name: string;
  hint: string;
  scopes: string[];
  owner: { id: string; name: string; email: string };
  status: "active" | "expired" | "revoked";
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  notes: string[];
  usage: { today: UsageCounts; last_30_days: UsageCounts };
}

export interface CreatedApiKey extends ApiKey {
  /** The whole key: in the creation answer only. */
  secret: string;
}

export interface KeyOwner {
  id: string;
  name: string;
  email: string;
  permissions: string[];
}

export interface UsageRow extends UsageCounts {
  day: string;
  key_id: string;
  key_name: string;
}

export interface NewApiKeyInput {
  name: string;
  scopes: string[];
  owner_id?: string;
  expires_at?: string;
}
