import type { MigrationInterface, QueryRunner } from "typeorm";
import { appliedBeforeTypeorm } from "./legacy.ts";

/** Public API: keys, daily usage per key, idempotency records, the cursor-signing secret. (Carried over unchanged from the SQL migrations of the first server.) */
export class PublicApi1764460800005 implements MigrationInterface {
  name = "PublicApi1764460800005";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (await appliedBeforeTypeorm(queryRunner, "0005_public_api.sql")) return;
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("PublicApi1764460800005 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
-- Public API: API keys, per-key daily usage, idempotency records, and the server secret that signs
-- pagination cursors. Tenant tables lead with tenant_id and are row-level secured like the others.

-- A key is "usk_<tenant id>_<secret>": the tenant comes from the key, and only the SHA-256 of the
-- secret is stored (with its last four characters, so that people can tell their keys apart).
create table api_keys (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  name text not null check (length(name) between 1 and 100),
  secret_hash text not null,
  secret_hint text not null,
  -- Checked against the scope catalogue in code (modules/public-api/scopes.ts).
  scopes text[] not null check (cardinality(scopes) > 0),
  -- The key acts as this user, and never does more than the user may (see docs/public-api.md).
  owner_id uuid not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  -- Written by the usage meter in batches (at most a second or so behind).
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create unique index api_keys_secret on api_keys (tenant_id, secret_hash);

-- Requests per key per day (UTC) and status class. \`requests\` counts every class.
create table api_usage_daily (
  tenant_id uuid not null references tenants (id),
  key_id uuid not null,
  day date not null,
  requests bigint not null default 0,
  status_2xx bigint not null default 0,
  status_4xx bigint not null default 0,
  status_5xx bigint not null default 0,
  primary key (tenant_id, key_id, day),
  foreign key (tenant_id, key_id) references api_keys (tenant_id, id)
);

-- A POST sent with an Idempotency-Key: the response it got, stored in the transaction that made the
-- change, so a retry gets the same response and never a second ticket. Kept 24 hours.
create table api_idempotency (
  tenant_id uuid not null references tenants (id),
  key_id uuid not null,
  idempotency_key text not null check (length(idempotency_key) between 1 and 255),
  -- SHA-256 of method, route, parameters and body: the same key with another request is refused.
  request_hash text not null,
  status_code integer not null,
  response text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key_id, idempotency_key),
  foreign key (tenant_id, key_id) references api_keys (tenant_id, id)
);

do $$
declare t text;
begin
  foreach t in array array['api_keys', 'api_usage_daily', 'api_idempotency']
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;
grant select, insert, update on api_keys, api_usage_daily, api_idempotency to uslimato_app;
grant delete on api_idempotency to uslimato_app;

-- Secrets every server process shares (not tenant data; read by the owner connection at start-up).
-- 'cursor' signs Public API pagination cursors so that a tampered cursor is refused.
create table server_secrets (
  name text primary key,
  value text not null
);
insert into server_secrets (name, value)
values ('cursor', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'))
on conflict (name) do nothing;
`;
