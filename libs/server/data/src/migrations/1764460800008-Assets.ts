import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Assets and their movements (issue 12), and the tickets' links to them: foreign keys that include
 * tenant_id, and the record a ticket keeps of an asset that was deleted. The permissions assets:read and
 * assets:manage are in the catalogue since the Platform migration.
 */
export class Assets1764460800008 implements MigrationInterface {
  name = "Assets1764460800008";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SQL);
  }

  async down(): Promise<void> {
    throw new Error("Assets1764460800008 cannot be undone: restore a backup instead.");
  }
}

const SQL = `
create table assets (
  tenant_id uuid not null references tenants (id),
  id uuid not null default uuid_v7(),
  name text not null check (length(name) between 1 and 200),
  asset_tag text not null check (length(asset_tag) between 1 and 60),
  category text not null check (length(category) between 1 and 100),
  location text not null default '' check (length(location) <= 200),
  status text not null default 'in_stock' check (status in ('in_use', 'in_stock', 'in_repair', 'retired')),
  -- The person using it: a user of the tenant (so it follows renames and deactivation), or nobody.
  assignee_id uuid,
  notes text not null default '' check (length(notes) <= 5000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, assignee_id) references users (tenant_id, id)
);
-- Case-insensitive: "LT-0042" and "lt-0042" are the same label on the same sticker.
create unique index assets_tag on assets (tenant_id, lower(asset_tag));
-- The list: ordered by (name, id), keyset-paginated, per filter an index that reads the page in order
-- and stops (so a page costs the same at 100k assets as at 100).
create index assets_by_name on assets (tenant_id, name, id);
create index assets_status on assets (tenant_id, status, name, id);
create index assets_category on assets (tenant_id, category, name, id);
create index assets_location on assets (tenant_id, location, name, id);
create index assets_assignee on assets (tenant_id, assignee_id) where assignee_id is not null;
-- Search: words (prefixes) of the name and the tag, kept as a column so that checking a candidate row
-- reads it instead of computing it (prefix matches are always rechecked).
alter table assets add column search tsvector
  generated always as (to_tsvector('simple', name || ' ' || asset_tag)) stored;
create index assets_search on assets using gin (search);

-- The search page. Under row-level security the planner may not use the text index for @@ (not
-- leakproof, so it must run after the policy's check): a tenant transaction would read every asset of
-- the tenant (seconds at 100k). This function runs with its owner's rights, scoped explicitly to the
-- transaction's tenant (none outside inTenant: app_tenant() is null), and returns the ids of ONE page —
-- filters, keyset and limit applied inside, planned for the actual values (EXECUTE), so a broad search
-- walks the name index and stops, a narrow one uses the text index.
create function asset_search(
  words tsquery, tag text, p_status text, p_category text, p_location text, p_assignee uuid,
  after_name text, after_id uuid, lim integer
) returns setof uuid language plpgsql stable security definer set search_path = public as $$
declare
  tenant uuid := app_tenant();
  sql text := 'select id from assets where tenant_id = $1 and lower(asset_tag) = $2';
begin
  if tenant is null then return; end if;
  -- A whole tag (as scanned from the label) means that asset: no word search (whose short prefixes,
  -- like "at" of "AT-0042", would match every tag).
  if words is not null and not exists (select 1 from assets where tenant_id = tenant and lower(asset_tag) = tag) then
    sql := 'select id from assets where tenant_id = $1 and search @@ $3';
  end if;
  if p_status is not null then sql := sql || ' and status = $4'; end if;
  if p_category is not null then sql := sql || ' and category = $5'; end if;
  if p_location is not null then sql := sql || ' and location = $6'; end if;
  if p_assignee is not null then sql := sql || ' and assignee_id = $7'; end if;
  if after_id is not null then sql := sql || ' and (name, id) > ($8, $9)'; end if;
  return query execute sql || ' order by name, id limit $10'
    using tenant, tag, words, p_status, p_category, p_location, p_assignee, after_name, after_id, lim;
end $$;
revoke all on function asset_search(tsquery, text, text, text, text, uuid, text, uuid, integer) from public;
grant execute on function asset_search(tsquery, text, text, text, text, uuid, text, uuid, integer) to uslimato_app;

-- One row per move of an asset between locations and/or people. from_* are what the asset had when the
-- move was recorded (read by the server, not sent by the client); recording a move updates the asset.
create table asset_movements (
  tenant_id uuid not null,
  id uuid not null default uuid_v7(),
  asset_id uuid not null,
  from_location text not null default '',
  to_location text not null default '',
  from_person_id uuid,
  to_person_id uuid,
  moved_at timestamptz not null,
  note text not null default '' check (length(note) <= 2000),
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  -- Target of the tickets' (asset, movement) key below: a ticket's movement is one of ITS asset's.
  unique (tenant_id, asset_id, id),
  foreign key (tenant_id, asset_id) references assets (tenant_id, id),
  foreign key (tenant_id, from_person_id) references users (tenant_id, id),
  foreign key (tenant_id, to_person_id) references users (tenant_id, id),
  foreign key (tenant_id, recorded_by) references users (tenant_id, id)
);
create index asset_movements_asset on asset_movements (tenant_id, asset_id, moved_at desc, id desc);

-- Before this migration no asset could exist: an asset_id or movement_id on a ticket pointed nowhere
-- (nothing checked it). Cleared, so the keys below can hold.
update tickets set asset_id = null, movement_id = null where asset_id is not null or movement_id is not null;

-- What a ticket keeps of an asset deleted after the ticket was done: {id, name, tag, deleted_at}.
alter table tickets add column asset_snapshot jsonb;
alter table tickets
  add constraint tickets_asset_fk foreign key (tenant_id, asset_id) references assets (tenant_id, id);
-- MATCH SIMPLE: checked only when both are set; a movement needs its asset.
alter table tickets
  add constraint tickets_movement_fk foreign key (tenant_id, asset_id, movement_id)
  references asset_movements (tenant_id, asset_id, id);
alter table tickets add constraint tickets_movement_needs_asset check (movement_id is null or asset_id is not null);
create index tickets_movement on tickets (tenant_id, movement_id) where movement_id is not null;

do $$
declare t text;
begin
  foreach t in array array['assets', 'asset_movements']
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;
grant select, insert, update, delete on assets, asset_movements to uslimato_app;
`;
