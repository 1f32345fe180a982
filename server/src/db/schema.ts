import type { ColumnType, Generated } from "kysely";

/** Kysely table types. Keep in step with ./migrations (one interface per table). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  time_zone: Generated<string>;
  created_at: CreatedAt;
}

export interface PermissionsTable {
  name: string;
  description: string;
  itsm: boolean;
}

export interface UsersTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface GroupsTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  system_key: string | null;
  created_at: CreatedAt;
}

export interface GroupPermissionsTable {
  tenant_id: string;
  group_id: string;
  permission: string;
}

export interface GroupMembersTable {
  tenant_id: string;
  group_id: string;
  user_id: string;
  added_at: CreatedAt;
}

export interface SessionsTable {
  tenant_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ItsmLicensesTable {
  tenant_id: string;
  active: Generated<boolean>;
  flags: string[];
  max_agents: number;
  max_emails_month: number;
  api_rate_limit: Generated<number>;
  activated_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SignInFailuresTable {
  key: string;
  failed_at: CreatedAt;
}

export interface OperatorsTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface OperatorSessionsTable {
  token_hash: string;
  operator_id: string;
  csrf_token: string;
  expires_at: Timestamp;
}

export interface OperatorAlertsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  period: string;
  message: string;
  created_at: CreatedAt;
  acknowledged_at: Timestamp | null;
}

export interface SchedulesTable {
  name: string;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
  last_result: string | null;
}

export interface MonthlyUsageTable {
  tenant_id: string;
  month: string;
  emails_sent: Generated<number>;
  emails_dropped: Generated<number>;
}

export interface ItsmSettingsTable {
  tenant_id: string;
  ticket_prefix: Generated<string>;
  auto_close_days: Generated<number>;
  last_ticket_number: Generated<number>;
  updated_at: Timestamp;
}

export interface TicketsTable {
  tenant_id: string;
  id: Generated<string>;
  number: number;
  prefix: string;
  type: string;
  title: string;
  description: string;
  status: Generated<string>;
  priority: Generated<string>;
  reporter_id: string;
  assignee_id: string | null;
  asset_id: string | null;
  movement_id: string | null;
  cancel_reason: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface TicketStatusCountsTable {
  tenant_id: string;
  status: string;
  n: number;
}

export interface TicketCommentsTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  author_id: string | null;
  visibility: string;
  body: string;
  created_at: CreatedAt;
}

export interface TicketHistoryTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  actor_id: string | null;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  internal: Generated<boolean>;
  created_at: CreatedAt;
  seq: Generated<number>;
}

export interface ApiKeysTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  secret_hash: string;
  secret_hint: string;
  scopes: string[];
  owner_id: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ApiUsageDailyTable {
  tenant_id: string;
  key_id: string;
  /** A UTC date, "YYYY-MM-DD". */
  day: ColumnType<string, string, string>;
  requests: Generated<number>;
  status_2xx: Generated<number>;
  status_4xx: Generated<number>;
  status_5xx: Generated<number>;
}

export interface ApiIdempotencyTable {
  tenant_id: string;
  key_id: string;
  idempotency_key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: CreatedAt;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
}

export interface DB {
  itsm_settings: ItsmSettingsTable;
  tickets: TicketsTable;
  ticket_status_counts: TicketStatusCountsTable;
  ticket_comments: TicketCommentsTable;
  ticket_history: TicketHistoryTable;
  monthly_usage: MonthlyUsageTable;
  tenants: TenantsTable;
  permissions: PermissionsTable;
  users: UsersTable;
  groups: GroupsTable;
  group_permissions: GroupPermissionsTable;
  group_members: GroupMembersTable;
  sessions: SessionsTable;
  itsm_licenses: ItsmLicensesTable;
  sign_in_failures: SignInFailuresTable;
  operators: OperatorsTable;
  operator_sessions: OperatorSessionsTable;
  operator_alerts: OperatorAlertsTable;
  schedules: SchedulesTable;
  api_keys: ApiKeysTable;
  api_usage_daily: ApiUsageDailyTable;
  api_idempotency: ApiIdempotencyTable;
  server_secrets: ServerSecretsTable;
}
