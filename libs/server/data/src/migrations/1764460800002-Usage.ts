import type { MigrationInterface, QueryRunner } from "typeorm";
import { appliedBeforeTypeorm } from "./legacy.ts";

/** Monthly usage per tenant (emails sent and dropped). (Carried over unchanged from the SQL migrations of the first server.) */
export class Usage1764460800002 implements MigrationInterface {
  name = "Usage1764460800002";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (await appliedBeforeTypeorm(queryRunner, "0002_usage.sql")) return;
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("Usage1764460800002 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
-- Monthly usage counters per tenant, kept by the code that does the work (the mail sender counts each
-- delivered message), read by the quota checks and the operator console.
create table monthly_usage (
  tenant_id uuid not null references tenants (id),
  month text not null check (month ~ '^\\d{4}-\\d{2}$'),
  emails_sent integer not null default 0,
  emails_dropped integer not null default 0,
  primary key (tenant_id, month)
);
alter table monthly_usage enable row level security;
create policy tenant_isolation on monthly_usage using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant select, insert, update on monthly_usage to uslimato_app;
`;
