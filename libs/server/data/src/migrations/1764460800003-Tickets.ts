import type { MigrationInterface, QueryRunner } from "typeorm";
import { appliedBeforeTypeorm } from "./legacy.ts";

/** Tickets: settings and counter, tickets, per-status counts, comments, history. (Carried over unchanged from the SQL migrations of the first server.) */
export class Tickets1764460800003 implements MigrationInterface {
  name = "Tickets1764460800003";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (await appliedBeforeTypeorm(queryRunner, "0003_tickets.sql")) return;
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("Tickets1764460800003 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
-- ITSM tickets: per-tenant settings and counter, tickets, comments, immutable history.

create table itsm_settings (
  tenant_id uuid primary key references tenants (id),
  ticket_prefix text not null default 'TKT' check (ticket_prefix ~ '^[A-Z][A-Z0-9]{1,9}$'),
  auto_close_days integer not null default 7 check (auto_close_days between 1 and 365),
  -- Gapless per-tenant counter: incremented in the transaction that inserts the ticket, so a rolled-back
  -- creation gives its number back and the row lock orders concurrent creations.
  last_ticket_number bigint not null default 0,
  updated_at timestamptz not null default now()
);

create table tickets (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  number bigint not null,
  -- The prefix in force when the ticket was created: changing it affects only new tickets.
  prefix text not null,
  type text not null check (type in ('incident', 'service_request')),
  title text not null check (length(title) between 1 and 200),
  description text not null check (length(description) <= 20000),
  status text not null default 'open' check (status in ('open', 'in_progress', 'resolved', 'closed', 'cancelled')),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'critical')),
  reporter_id uuid not null,
  assignee_id uuid,
  asset_id uuid,
  movement_id uuid,
  cancel_reason text,
  -- Millisecond precision, so the keyset cursor (created_at, id) round-trips through JSON exactly.
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  closed_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, reporter_id) references users (tenant_id, id),
  foreign key (tenant_id, assignee_id) references users (tenant_id, id)
);
-- The queue: newest first within a status, keyset-paginated on (created_at, id).
create index tickets_queue on tickets (tenant_id, status, created_at desc, id desc);
create index tickets_newest on tickets (tenant_id, created_at desc, id desc);
create index tickets_assignee on tickets (tenant_id, assignee_id, status, created_at desc);
create index tickets_reporter on tickets (tenant_id, reporter_id, created_at desc);
create index tickets_updated on tickets (tenant_id, updated_at desc);
create index tickets_asset on tickets (tenant_id, asset_id) where asset_id is not null;
create index tickets_text on tickets using gin (to_tsvector('simple', title || ' ' || description));

-- Per-status counts for the queue header, kept by a trigger so they never need a COUNT over the table.
create table ticket_status_counts (
  tenant_id uuid not null references tenants (id),
  status text not null,
  n bigint not null default 0,
  primary key (tenant_id, status)
);
create or replace function tickets_count_status() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into ticket_status_counts (tenant_id, status, n) values (new.tenant_id, new.status, 1)
      on conflict (tenant_id, status) do update set n = ticket_status_counts.n + 1;
  elsif new.status is distinct from old.status then
    update ticket_status_counts set n = n - 1 where tenant_id = old.tenant_id and status = old.status;
    insert into ticket_status_counts (tenant_id, status, n) values (new.tenant_id, new.status, 1)
      on conflict (tenant_id, status) do update set n = ticket_status_counts.n + 1;
  end if;
  return null;
end $$;
create trigger tickets_count_status after insert or update of status on tickets
  for each row execute function tickets_count_status();

create table ticket_comments (
  tenant_id uuid not null,
  id uuid not null default uuid_v7(),
  ticket_id uuid not null,
  author_id uuid,
  visibility text not null check (visibility in ('external', 'internal')),
  body text not null check (length(body) between 1 and 20000),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, ticket_id) references tickets (tenant_id, id),
  foreign key (tenant_id, author_id) references users (tenant_id, id)
);
create index ticket_comments_ticket on ticket_comments (tenant_id, ticket_id, created_at);

-- One immutable row per change, written in the same transaction as the change. The app role may only
-- insert and read it.
create table ticket_history (
  tenant_id uuid not null,
  id uuid not null default uuid_v7(),
  ticket_id uuid not null,
  actor_id uuid,
  -- created | status | assignee | field | comment | link
  kind text not null,
  field text,
  old_value text,
  new_value text,
  -- Internal entries (internal notes) are never shown to the reporter.
  internal boolean not null default false,
  created_at timestamptz not null default now(),
  -- Orders the entries one transaction writes together (they share created_at).
  seq bigint generated always as identity,
  primary key (tenant_id, id),
  foreign key (tenant_id, ticket_id) references tickets (tenant_id, id),
  foreign key (tenant_id, actor_id) references users (tenant_id, id)
);
create index ticket_history_ticket on ticket_history (tenant_id, ticket_id, seq);

do $$
declare t text;
begin
  foreach t in array array['itsm_settings', 'tickets', 'ticket_status_counts', 'ticket_comments', 'ticket_history']
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;
grant select, insert, update on itsm_settings, tickets, ticket_status_counts to uslimato_app;
grant select, insert on ticket_comments, ticket_history to uslimato_app;
`;
