import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Emails (issue 10): a tenant's custom email templates per ticket event, and the ITSM queue address
 * that replaces "every agent" as the recipient of ticket.created mails.
 */
export class Emails1764460800007 implements MigrationInterface {
  name = "Emails1764460800007";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("Emails1764460800007 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
-- One custom template per tenant and event (Settings → ITSM → Email templates); no row: the built-in
-- one. The limits repeat the API's (the templates are validated before they are stored).
create table email_templates (
  tenant_id uuid not null references tenants (id),
  event text not null check (event in ('ticket.created', 'ticket.assigned', 'ticket.comment_added',
    'ticket.status_changed', 'ticket.resolved', 'ticket.closed')),
  subject text not null check (length(subject) between 1 and 500),
  html text not null check (length(html) between 1 and 100000),
  text text not null check (length(text) between 1 and 100000),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, event),
  foreign key (tenant_id, updated_by) references users (tenant_id, id)
);
alter table email_templates enable row level security;
create policy tenant_isolation on email_templates
  using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant select, insert, update, delete on email_templates to uslimato_app;

-- The ITSM queue address: when set, ticket.created goes there instead of to every agent.
alter table itsm_settings add column queue_email text check (length(queue_email) <= 254);

-- Signs the confirm/reject links of ticket.resolved mails (also created by the Notifications
-- migration; repeated so that the links never depend on that migration's content).
insert into server_secrets (name, value)
values ('email_links', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'))
on conflict (name) do nothing;
`;
