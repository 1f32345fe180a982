import type { MigrationInterface, QueryRunner } from "typeorm";
import { appliedBeforeTypeorm } from "./legacy.ts";

/** Platform: tenants, users, RBAC, sessions, the ITSM license, operators, schedules; row-level security. (Carried over unchanged from the SQL migrations of the first server.) */
export class Platform1764460800001 implements MigrationInterface {
  name = "Platform1764460800001";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (await appliedBeforeTypeorm(queryRunner, "0001_platform.sql")) return;
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("Platform1764460800001 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
-- Platform: tenants, users, RBAC, sessions, licensing, operator. Every tenant-owned table leads its keys
-- with tenant_id and is protected by row-level security keyed on the transaction setting app.tenant_id.

-- Time-ordered UUIDs (v7) so that ids created together sit together in indexes.
create or replace function uuid_v7() returns uuid language plpgsql volatile as $$
declare
  ts bigint := (extract(epoch from clock_timestamp()) * 1000)::bigint;
  bytes bytea := uuid_send(gen_random_uuid());
begin
  bytes := set_byte(bytes, 0, ((ts >> 40) & 255)::int);
  bytes := set_byte(bytes, 1, ((ts >> 32) & 255)::int);
  bytes := set_byte(bytes, 2, ((ts >> 24) & 255)::int);
  bytes := set_byte(bytes, 3, ((ts >> 16) & 255)::int);
  bytes := set_byte(bytes, 4, ((ts >> 8) & 255)::int);
  bytes := set_byte(bytes, 5, (ts & 255)::int);
  bytes := set_byte(bytes, 6, ((get_byte(bytes, 6) & 15) | 112));
  bytes := set_byte(bytes, 8, ((get_byte(bytes, 8) & 63) | 128));
  return encode(bytes, 'hex')::uuid;
end $$;

-- The tenant of the current transaction, or NULL outside inTenant() (then RLS shows nothing).
create or replace function app_tenant() returns uuid language sql stable as $$
  select nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

-- The role tenant-scoped transactions switch to. NOBYPASSRLS and not a superuser, so policies apply even
-- when the connection itself is a superuser (PGlite always is).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'uslimato_app') then
    create role uslimato_app nologin nosuperuser nobypassrls;
  end if;
exception when duplicate_object or unique_violation then null; -- created concurrently by another database
end $$;
do $$
begin
  execute format('grant uslimato_app to %I', current_user);
exception when others then null; -- superusers need no grant
end $$;

create table tenants (
  id uuid primary key default uuid_v7(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text not null check (length(name) between 1 and 200),
  time_zone text not null default 'UTC',
  created_at timestamptz not null default now()
);

-- The catalogue of named permissions. Platform permissions plus the three ITSM ones.
create table permissions (
  name text primary key,
  description text not null,
  itsm boolean not null default false
);
insert into permissions (name, description, itsm) values
  ('assets:read', 'See assets and their history', false),
  ('assets:manage', 'Create, edit, move and delete assets', false),
  ('users:manage', 'Invite, edit and deactivate users; manage groups and permissions', false),
  ('settings:manage', 'Change tenant settings (ITSM, API keys)', false),
  ('tickets:create', 'Create new tickets (self-service and agents)', true),
  ('tickets:manage', 'Assign, comment on, and change the status of tickets (the agent role)', true),
  ('tickets:close', 'Move tickets to resolved / closed and reopen them', true);

create table users (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  email text not null check (length(email) between 3 and 254),
  name text not null check (length(name) between 1 and 200),
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index users_email on users (tenant_id, lower(email));
-- Sign-in looks a user up by email before the tenant is known.
create index users_email_any_tenant on users (lower(email));

create table groups (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  name text not null check (length(name) between 1 and 100),
  -- 'administrators' | 'itsm_agent' for the system groups, which cannot be renamed or deleted.
  system_key text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index groups_name on groups (tenant_id, lower(name));
create unique index groups_system_key on groups (tenant_id, system_key) where system_key is not null;

create table group_permissions (
  tenant_id uuid not null,
  group_id uuid not null,
  permission text not null references permissions (name),
  primary key (tenant_id, group_id, permission),
  foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade
);

create table group_members (
  tenant_id uuid not null,
  group_id uuid not null,
  user_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (tenant_id, group_id, user_id),
  foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade,
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index group_members_user on group_members (tenant_id, user_id);

-- Session cookie = "<tenant id>.<secret>"; only the SHA-256 of the secret is stored.
create table sessions (
  tenant_id uuid not null references tenants (id),
  token_hash text not null,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (tenant_id, token_hash),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);

-- The ITSM add-on license: one row per tenant that ever had one (deactivation keeps it, active=false).
create table itsm_licenses (
  tenant_id uuid primary key references tenants (id),
  active boolean not null default true,
  flags text[] not null,
  max_agents integer not null check (max_agents >= 0),
  max_emails_month integer not null check (max_emails_month >= 0),
  api_rate_limit integer not null default 600 check (api_rate_limit > 0),
  activated_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Failed sign-ins per (kind, key) in a sliding window, shared by every server process.
create table sign_in_failures (
  key text not null,
  failed_at timestamptz not null default now()
);
create index sign_in_failures_key on sign_in_failures (key, failed_at);

create table operators (
  id uuid primary key default uuid_v7(),
  email text not null,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index operators_email on operators (lower(email));

create table operator_sessions (
  token_hash text primary key,
  operator_id uuid not null references operators (id),
  csrf_token text not null,
  expires_at timestamptz not null
);

-- What the operator must look at: quota overruns found by the background check, mail quota reached, ...
create table operator_alerts (
  id uuid primary key default uuid_v7(),
  tenant_id uuid not null references tenants (id),
  kind text not null,
  -- One alert per (tenant, kind, period): period is e.g. '2026-11' for monthly, a date for daily checks.
  period text not null,
  message text not null,
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz
);
create unique index operator_alerts_once on operator_alerts (tenant_id, kind, period);

-- "Run once" schedules shared by every process: a job runs when a process claims next_run_at.
create table schedules (
  name text primary key,
  next_run_at timestamptz not null,
  last_run_at timestamptz,
  last_result text
);

-- Row-level security on every tenant table. Not FORCEd: the owning connection (migrations, the operator,
-- sign-in lookups named unsafe*) sees all rows; tenant transactions switch to uslimato_app, which does not.
do $$
declare t text;
begin
  foreach t in array array['users', 'groups', 'group_permissions', 'group_members', 'sessions', 'itsm_licenses']
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
    execute format('grant select, insert, update, delete on %I to uslimato_app', t);
  end loop;
end $$;
alter table tenants enable row level security;
create policy tenant_self on tenants using (id = app_tenant());
grant select on tenants to uslimato_app;
grant select on permissions to uslimato_app;
alter table operator_alerts enable row level security;
create policy tenant_isolation on operator_alerts using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant insert, select on operator_alerts to uslimato_app;
`;
