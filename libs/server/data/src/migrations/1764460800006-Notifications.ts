import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Notifications (issue 10): the transactional outbox of ticket events, one row per email delivery, and
 * the failed-mail counter beside the existing monthly mail counters.
 */
export class Notifications1764460800006 implements MigrationInterface {
  name = "Notifications1764460800006";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("Notifications1764460800006 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
-- A ticket event, written in the transaction of the change that raised it (nothing is enqueued after
-- commit, so a crash can neither lose an event nor announce a change that rolled back). A relay claims
-- unrelayed rows (claimed_at, a lease), adds them to BullMQ with the row id as jobId, then stamps
-- relayed_at; a relay that died in between leaves an expired lease and another relay takes the rows again.
create table outbox (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  event text not null,
  payload jsonb not null,
  created_at timestamptz not null default clock_timestamp(),
  claimed_at timestamptz,
  relayed_at timestamptz,
  primary key (tenant_id, id)
);
-- The relay's read across every tenant (a platform read, see §6's exception): only pending rows are
-- indexed, so the index stays as small as the backlog.
create index outbox_pending on outbox (created_at) where relayed_at is null;
-- Purging relayed rows by age.
create index outbox_relayed on outbox (relayed_at) where relayed_at is not null;

-- One row per mail the worker was asked to send, under the key the emails library derives from the
-- event and the recipient: a retried or re-delivered job finds it and never sends the same mail twice.
create table email_deliveries (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  delivery_key text not null check (length(delivery_key) between 1 and 300),
  outbox_id uuid not null,
  event text not null,
  recipient text not null,
  recipient_user_id uuid,
  -- sending: counted against the quota, handed to SMTP, not yet confirmed (a crash there resends).
  status text not null check (status in ('pending', 'sending', 'sent', 'dropped', 'failed')),
  reason text,
  message_id text,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (tenant_id, id)
);
create unique index email_deliveries_key on email_deliveries (tenant_id, delivery_key);

-- The month's mail counters (monthly_usage, read by the quota check) gain the failed ones.
alter table monthly_usage add column emails_failed integer not null default 0;

do $$
declare t text;
begin
  foreach t in array array['outbox', 'email_deliveries']
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;
grant select, insert on outbox to uslimato_app;
grant select, insert, update on email_deliveries to uslimato_app;

`;
