import { Injectable } from "@nestjs/common";
import {
  featureEnabled,
  formatNumber,
  type LicenseState,
  mayReadTicket,
  type Status,
} from "@uslimato/domain";
import { AppError, invalidField, notFound, type UserContext } from "@uslimato/server-core";
import type { AssetStatus } from "@uslimato/server-data";
import { inTenant } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";
import {
  assertMoves,
  decodeAssetCursor,
  deletionBlockedMessage,
  encodeAssetCursor,
  searchTsQuery,
} from "./asset-rules.ts";

/** Who acts on assets: a signed-in user (or a Public API key acting for its owner). */
export interface AssetActor {
  tenantId: string;
  userId: string;
}

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** The asset JSON of the internal API (the Public API documents the same fields). */
export interface AssetView {
  id: string;
  name: string;
  asset_tag: string;
  category: string;
  location: string;
  status: AssetStatus;
  assignee: PersonRef | null;
  notes: string;
  created_at: Date;
  updated_at: Date;
}

export interface AssetPage {
  data: AssetView[];
  next_cursor: string | null;
}

export interface AssetFacets {
  categories: string[];
  locations: string[];
}

/** More distinct values than this are not offered as filter choices (the list's search still finds them). */
const FACET_LIMIT = 500;

export interface AssetListQuery {
  q?: string | undefined;
  category?: string | undefined;
  location?: string | undefined;
  status?: AssetStatus | undefined;
  assignee_id?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface AssetFields {
  name?: string | undefined;
  asset_tag?: string | undefined;
  category?: string | undefined;
  location?: string | undefined;
  status?: AssetStatus | undefined;
  assignee_id?: string | null | undefined;
  notes?: string | undefined;
}

/**
 * A row of an asset's "Tickets" tab. Everyone who may see the asset sees that a ticket concerns it (number,
 * type, status, dates: what deleting the asset depends on), but only those who may read the ticket
 * (mayReadTicket: agents, or its reporter) see its title.
 */
export interface LinkedTicket {
  id: string;
  number: string;
  /** null when the viewer may not read the ticket (someone else's, and the viewer is not an agent). */
  title: string | null;
  /** Whether the viewer may open the ticket: an agent, or its reporter (on the desk). */
  readable: boolean;
  type: string;
  status: Status;
  movement_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface MovementView {
  id: string;
  asset_id: string;
  from_location: string;
  to_location: string;
  from_person: PersonRef | null;
  to_person: PersonRef | null;
  moved_at: Date;
  note: string;
  recorded_by: { id: string; name: string } | null;
  /**
   * Tickets linked to this movement; present only with ITSM and `movement_link` on. Number and status
   * only: whoever may see the asset sees these, and a title is only for those who may read the ticket.
   */
  tickets?: { id: string; number: string; status: Status }[];
}

export const DEFAULT_ASSET_PAGE = 25;

interface AssetRow {
  id: string;
  name: string;
  asset_tag: string;
  category: string;
  location: string;
  status: AssetStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  notes: string;
  created_at: Date;
  updated_at: Date;
}

const ASSET_SELECT = `select a.id, a.name, a.asset_tag, a.category, a.location, a.status, a.assignee_id,
    u.name as assignee_name, u.email as assignee_email, a.notes, a.created_at, a.updated_at
  from assets a left join users u on u.tenant_id = a.tenant_id and u.id = a.assignee_id`;

const toAsset = (r: AssetRow): AssetView => ({
  id: r.id,
  name: r.name,
  asset_tag: r.asset_tag,
  category: r.category,
  location: r.location,
  status: r.status,
  assignee: r.assignee_id
    ? { id: r.assignee_id, name: r.assignee_name ?? "", email: r.assignee_email ?? "" }
    : null,
  notes: r.notes,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

const person = (id: string | null, name: string | null, email: string | null): PersonRef | null =>
  id ? { id, name: name ?? "", email: email ?? "" } : null;

/** In the history of a ticket: "LT-0042 Laptop" (asset-link.ts's assetLabel, here in SQL). */
const ASSET_LABEL_SQL = "a.asset_tag || ' ' || a.name";
/** "2026-11-03 HQ → Lab" (asset-link.ts's movementLabel, here in SQL). */
const MOVEMENT_LABEL_SQL = `to_char(m.moved_at at time zone 'UTC', 'YYYY-MM-DD') || ' ' ||
  coalesce(nullif(m.from_location, ''), '—') || ' → ' || coalesce(nullif(m.to_location, ''), '—')`;

/**
 * The list as ONE statement, ordered by (name, id) and keyset-paginated: each filter has an index in that
 * order (assets migration), so the page is read in order and the scan stops after limit + 1 rows however
 * deep the page is. One row more than the page tells whether there is a next one. Every value is a
 * parameter. Exported for the benchmark (bench/assets.ts), which runs it raw beside the HTTP route.
 */
export function assetListStatement(
  tenantId: string,
  query: AssetListQuery & { limit: number },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`a.tenant_id = ${param(tenantId)}`];
  if (query.status) where.push(`a.status = ${param(query.status)}`);
  if (query.category) where.push(`a.category = ${param(query.category)}`);
  if (query.location) where.push(`a.location = ${param(query.location)}`);
  if (query.assignee_id) where.push(`a.assignee_id = ${param(query.assignee_id)}`);
  const after = query.cursor ? decodeAssetCursor(query.cursor) : null;
  if (after) where.push(`(a.name, a.id) > (${param(after.name)}, ${param(after.id)})`);
  const text = query.q?.trim();
  if (text) {
    // An exact tag (as scanned from the label) or prefixes of the words of name and tag: the page's ids
    // come from asset_search() (assets migration: the text index is unusable under row-level security).
    const words = searchTsQuery(text);
    const args = [
      words ? `to_tsquery('simple', ${param(words)})` : "null",
      `${param(text.toLowerCase())}::text`,
      `${param(query.status ?? null)}::text`,
      `${param(query.category ?? null)}::text`,
      `${param(query.location ?? null)}::text`,
      `${param(query.assignee_id ?? null)}::uuid`,
      `${param(after?.name ?? null)}::text`,
      `${param(after?.id ?? null)}::uuid`,
      `${param(query.limit + 1)}::integer`,
    ];
    where.push(`a.id in (select asset_search(${args.join(", ")}))`);
  }
  return {
    sql: `${ASSET_SELECT} where ${where.join(" and ")} order by a.name, a.id limit ${param(query.limit + 1)}`,
    params,
  };
}

/** Assets, their movements, and the tickets linked to them (the asset side of the ITSM integration). */
@Injectable()
export class AssetsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of the list (see assetListStatement). */
  async list(tenantId: string, query: AssetListQuery): Promise<AssetPage> {
    const limit = query.limit ?? DEFAULT_ASSET_PAGE;
    const { sql, params } = assetListStatement(tenantId, { ...query, limit });
    const rows: AssetRow[] = await inTenant(this.dataSource, tenantId, (em) => em.query(sql, params), {
      readOnly: true,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(toAsset),
      next_cursor: rows.length > limit && last ? encodeAssetCursor({ name: last.name, id: last.id }) : null,
    };
  }

  /**
   * The distinct categories and locations (at most FACET_LIMIT each), read as a loose index scan of the
   * (tenant_id, category|location, …) indexes: one index probe per distinct value, not a pass over every
   * asset, so it stays cheap at 100k assets.
   */
  async facets(tenantId: string): Promise<AssetFacets> {
    const distinct = (column: "category" | "location") =>
      `with recursive v(value) as (
         (select ${column} from assets where tenant_id = $1 and ${column} <> '' order by ${column} limit 1)
         union all
         select (select ${column} from assets where tenant_id = $1 and ${column} > v.value order by ${column} limit 1)
           from v where v.value is not null
       ) select value from v where value is not null limit ${FACET_LIMIT}`;
    return inTenant(
      this.dataSource,
      tenantId,
      async (em) => {
        const categories: { value: string }[] = await em.query(distinct("category"), [tenantId]);
        const locations: { value: string }[] = await em.query(distinct("location"), [tenantId]);
        return { categories: categories.map((r) => r.value), locations: locations.map((r) => r.value) };
      },
      { readOnly: true },
    );
  }

  async get(tenantId: string, id: string): Promise<AssetView> {
    return inTenant(this.dataSource, tenantId, (em) => this.load(em, id), { readOnly: true });
  }

  private async load(em: EntityManager, id: string, forUpdate = false): Promise<AssetView> {
    const rows: AssetRow[] = await em.query(
      `${ASSET_SELECT} where a.id = $1${forUpdate ? " for update of a" : ""}`,
      [id],
    );
    if (!rows[0]) throw notFound("The asset");
    return toAsset(rows[0]);
  }

  async create(
    actor: AssetActor,
    fields: AssetFields & { name: string; asset_tag: string; category: string },
  ) {
    return inTenant(this.dataSource, actor.tenantId, async (em) => {
      await this.assertTagFree(em, fields.asset_tag, null);
      await this.assertPerson(em, "assignee_id", fields.assignee_id);
      const [row]: { id: string }[] = await em.query(
        `insert into assets (tenant_id, name, asset_tag, category, location, status, assignee_id, notes)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [
          actor.tenantId,
          fields.name,
          fields.asset_tag,
          fields.category,
          fields.location ?? "",
          fields.status ?? "in_stock",
          fields.assignee_id ?? null,
          fields.notes ?? "",
        ],
      );
      return this.load(em, (row as { id: string }).id);
    });
  }

  async update(actor: AssetActor, id: string, fields: AssetFields): Promise<AssetView> {
    return inTenant(this.dataSource, actor.tenantId, async (em) => {
      await this.load(em, id, true);
      if (fields.asset_tag !== undefined) await this.assertTagFree(em, fields.asset_tag, id);
      await this.assertPerson(em, "assignee_id", fields.assignee_id);
      const columns: [string, unknown][] = [
        ["name", fields.name],
        ["asset_tag", fields.asset_tag],
        ["category", fields.category],
        ["location", fields.location],
        ["status", fields.status],
        ["assignee_id", fields.assignee_id],
        ["notes", fields.notes],
      ].filter(([, v]) => v !== undefined) as [string, unknown][];
      if (columns.length > 0) {
        const set = columns.map(([c], i) => `${c} = $${i + 2}`).join(", ");
        await em.query(`update assets set ${set}, updated_at = now() where id = $1`, [
          id,
          ...columns.map(([, v]) => v),
        ]);
      }
      return this.load(em, id);
    });
  }

  /**
   * product.md §2: refused (409, listing the numbers) while tickets that are not closed or cancelled
   * refer to the asset — with ITSM licensed and asset_integration on; off, the links are hidden and do
   * not block. The linked tickets then keep what they concerned in `asset_snapshot` (name, tag, id) and
   * get a history entry, so a closed ticket still says which laptop it was about; the asset row itself
   * goes (its tag can be reused), with its movements.
   */
  async delete(actor: AssetActor, license: LicenseState | null, id: string): Promise<void> {
    await inTenant(this.dataSource, actor.tenantId, async (em) => {
      // Locked: a ticket being linked right now waits for this transaction (its foreign key check).
      const asset = await this.load(em, id, true);
      if (featureEnabled(license, "asset_integration")) {
        const open: { prefix: string; number: string }[] = await em.query(
          `select prefix, number from tickets
            where asset_id = $1 and status not in ('closed', 'cancelled') order by number`,
          [id],
        );
        if (open.length > 0) {
          const numbers = open.map((t) => formatNumber(t.prefix, Number(t.number)));
          throw new AppError("conflict", deletionBlockedMessage(asset.asset_tag, numbers), {
            extra: { tickets: numbers },
          });
        }
      }
      await em.query(
        `insert into ticket_history (tenant_id, ticket_id, actor_id, kind, field, old_value, new_value)
         select t.tenant_id, t.id, $2, 'link', 'movement', ${MOVEMENT_LABEL_SQL}, null
           from tickets t join asset_movements m on m.tenant_id = t.tenant_id and m.id = t.movement_id
          where t.asset_id = $1`,
        [id, actor.userId],
      );
      await em.query(
        `insert into ticket_history (tenant_id, ticket_id, actor_id, kind, field, old_value, new_value)
         select t.tenant_id, t.id, $2, 'link', 'asset', ${ASSET_LABEL_SQL}, null
           from tickets t join assets a on a.tenant_id = t.tenant_id and a.id = t.asset_id
          where t.asset_id = $1`,
        [id, actor.userId],
      );
      await em.query(
        `update tickets t
            set asset_snapshot = jsonb_build_object('id', a.id, 'name', a.name, 'tag', a.asset_tag,
                                                    'deleted_at', now()),
                asset_id = null, movement_id = null, updated_at = now()
           from assets a
          where a.tenant_id = t.tenant_id and a.id = t.asset_id and t.asset_id = $1`,
        [id],
      );
      await em.query("delete from asset_movements where asset_id = $1", [id]);
      await em.query("delete from assets where id = $1", [id]);
    });
  }

  /** Every movement of the asset, newest first; each with its linked tickets when movement_link is on. */
  async movements(tenantId: string, license: LicenseState | null, id: string): Promise<MovementView[]> {
    return inTenant(
      this.dataSource,
      tenantId,
      async (em) => {
        await this.load(em, id);
        const rows: (Omit<MovementView, "from_person" | "to_person" | "recorded_by" | "tickets"> & {
          from_id: string | null;
          from_name: string | null;
          from_email: string | null;
          to_id: string | null;
          to_name: string | null;
          to_email: string | null;
          by_id: string | null;
          by_name: string | null;
        })[] = await em.query(
          `select m.id, m.asset_id, m.from_location, m.to_location, m.moved_at, m.note,
                  f.id as from_id, f.name as from_name, f.email as from_email,
                  t.id as to_id, t.name as to_name, t.email as to_email, b.id as by_id, b.name as by_name
             from asset_movements m
             left join users f on f.tenant_id = m.tenant_id and f.id = m.from_person_id
             left join users t on t.tenant_id = m.tenant_id and t.id = m.to_person_id
             left join users b on b.tenant_id = m.tenant_id and b.id = m.recorded_by
            where m.asset_id = $1
            order by m.moved_at desc, m.id desc`,
          [id],
        );
        const withTickets =
          featureEnabled(license, "asset_integration") && featureEnabled(license, "movement_link");
        const linked = withTickets
          ? ((await em.query(
              `select id, prefix, number, status, movement_id from tickets
                where asset_id = $1 and movement_id is not null order by number`,
              [id],
            )) as {
              id: string;
              prefix: string;
              number: string;
              status: Status;
              movement_id: string;
            }[])
          : [];
        return rows.map((r) => ({
          id: r.id,
          asset_id: r.asset_id,
          from_location: r.from_location,
          to_location: r.to_location,
          from_person: person(r.from_id, r.from_name, r.from_email),
          to_person: person(r.to_id, r.to_name, r.to_email),
          moved_at: r.moved_at,
          note: r.note,
          recorded_by: r.by_id ? { id: r.by_id, name: r.by_name ?? "" } : null,
          ...(withTickets
            ? {
                tickets: linked
                  .filter((t) => t.movement_id === r.id)
                  .map((t) => ({
                    id: t.id,
                    number: formatNumber(t.prefix, Number(t.number)),
                    status: t.status,
                  })),
              }
            : {}),
        }));
      },
      { readOnly: true },
    );
  }

  /**
   * A move: from_* are read from the asset (what it had), to_* default to what it has; the asset takes
   * the new location and person in the same transaction.
   */
  async recordMovement(
    actor: AssetActor,
    license: LicenseState | null,
    id: string,
    input: {
      to_location?: string | undefined;
      to_person_id?: string | null | undefined;
      moved_at?: string | undefined;
      note?: string | undefined;
    },
  ): Promise<MovementView> {
    const movementId = await inTenant(this.dataSource, actor.tenantId, async (em) => {
      const asset = await this.load(em, id, true);
      await this.assertPerson(em, "to_person_id", input.to_person_id);
      const current = { location: asset.location, assigneeId: asset.assignee?.id ?? null };
      const to = {
        location: input.to_location ?? current.location,
        personId: input.to_person_id === undefined ? current.assigneeId : input.to_person_id,
      };
      assertMoves(current, to);
      const movedAt = input.moved_at ? new Date(input.moved_at) : new Date();
      if (movedAt.getTime() > Date.now() + 5 * 60_000) throw invalidField("moved_at", "is in the future.");
      const [row]: { id: string }[] = await em.query(
        `insert into asset_movements (tenant_id, asset_id, from_location, to_location, from_person_id,
                                      to_person_id, moved_at, note, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          actor.tenantId,
          id,
          current.location,
          to.location,
          current.assigneeId,
          to.personId,
          movedAt,
          input.note ?? "",
          actor.userId,
        ],
      );
      await em.query("update assets set location = $2, assignee_id = $3, updated_at = now() where id = $1", [
        id,
        to.location,
        to.personId,
      ]);
      return (row as { id: string }).id;
    });
    const all = await this.movements(actor.tenantId, license, id);
    return all.find((m) => m.id === movementId) as MovementView;
  }

  /** The asset's "Tickets" tab: every ticket linked to it, open first (then newest first). */
  async tickets(viewer: UserContext, id: string): Promise<LinkedTicket[]> {
    return inTenant(
      this.dataSource,
      viewer.tenantId,
      async (em) => {
        await this.load(em, id);
        const rows: (Omit<LinkedTicket, "number" | "readable"> & {
          prefix: string;
          number: string;
          reporter_id: string | null;
        })[] = await em.query(
          `select id, prefix, number, title, type, status, movement_id, reporter_id, created_at, updated_at
             from tickets where asset_id = $1
            order by status in ('closed', 'cancelled'), created_at desc, id desc`,
          [id],
        );
        return rows.map(({ prefix, number, reporter_id, title, ...t }) => {
          const readable = mayReadTicket(viewer.permissions, viewer.userId, reporter_id);
          return {
            ...t,
            number: formatNumber(prefix, Number(number)),
            title: readable ? title : null,
            readable,
          };
        });
      },
      { readOnly: true },
    );
  }

  /** Tags are unique per tenant, whatever their case: a 409 naming the tag (and which asset has it). */
  private async assertTagFree(em: EntityManager, tag: string, exceptId: string | null): Promise<void> {
    const rows: { name: string }[] = await em.query(
      "select name from assets where lower(asset_tag) = lower($1) and ($2::uuid is null or id <> $2::uuid)",
      [tag, exceptId],
    );
    if (rows[0]) {
      throw new AppError("conflict", `The asset tag ${tag} is already used by "${rows[0].name}".`, {
        extra: { asset_tag: tag },
      });
    }
  }

  /** A person of an asset or a move: an active user of the tenant (another tenant's is a 422 too). */
  private async assertPerson(
    em: EntityManager,
    field: string,
    userId: string | null | undefined,
  ): Promise<void> {
    if (!userId) return;
    const rows = await em.query("select 1 from users where id = $1 and active", [userId]);
    if (rows.length === 0) throw invalidField(field, "is not an active user of this tenant.");
  }
}
