import { sql } from "kysely";
import type pg from "pg";
import { type Db, inTenant } from "../../db/database.ts";
import { invalidField, notFound } from "../../http/errors.ts";
import { randomToken, sha256 } from "../access/tokens.ts";
import { API_SCOPES, isApiScope, scopeNotes } from "./scopes.ts";

/**
 * API keys: "usk_<tenant id>_<secret>". The tenant comes from the key itself, so the lookup runs
 * against that tenant only; only the SHA-256 of the 256-bit secret is stored.
 */
export const KEY_PREFIX = "usk_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface UsageCounts {
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}

export interface ApiKeyView {
  id: string;
  name: string;
  /** "usk_…Ab3d": enough to recognise a key, useless to use it. */
  hint: string;
  scopes: string[];
  owner: { id: string; name: string; email: string };
  status: "active" | "expired" | "revoked";
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** What the key's scopes let it do, in plain words (see scopes.ts). */
  notes: string[];
  usage: { today: UsageCounts; last_30_days: UsageCounts };
}

export interface NewApiKey {
  name?: string | undefined;
  scopes: string[];
  /** The user the key acts as: by id (Settings) or email (CLI). Defaults to `createdBy`. */
  ownerId?: string | undefined;
  ownerEmail?: string | undefined;
  expiresAt?: Date | undefined;
  /** The signed-in admin creating it; null from the CLI. */
  createdBy: string | null;
}

export function parseApiKey(key: string): { tenantId: string; hash: string } | null {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const tenantId = key.slice(KEY_PREFIX.length, KEY_PREFIX.length + 36);
  const rest = key.slice(KEY_PREFIX.length + 36);
  if (!UUID.test(tenantId) || !rest.startsWith("_")) return null;
  const secret = rest.slice(1);
  if (secret.length < 32 || secret.length > 100 || !/^[A-Za-z0-9_-]+$/.test(secret)) return null;
  return { tenantId, hash: sha256(secret) };
}

const EMPTY: UsageCounts = { requests: 0, status_2xx: 0, status_4xx: 0, status_5xx: 0 };

export async function createApiKey(
  db: Db,
  tenantId: string,
  input: NewApiKey,
): Promise<{ key: ApiKeyView; secret: string }> {
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw invalidField("scopes", `Give at least one of ${API_SCOPES.join(", ")}.`);
  scopes.forEach((s, i) => {
    if (!isApiScope(s))
      throw invalidField(`scopes.${i}`, `There is no scope "${s}". Known scopes: ${API_SCOPES.join(", ")}.`);
  });
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
    throw invalidField("expires_at", "must be in the future.");
  const secret = randomToken(32);
  const id = await inTenant(db, tenantId, async (tx) => {
    let q = tx.selectFrom("users").select(["id", "email"]).where("active", "=", true);
    if (input.ownerEmail) q = q.where(sql<string>`lower(email)`, "=", input.ownerEmail.trim().toLowerCase());
    else q = q.where("id", "=", input.ownerId ?? input.createdBy ?? "");
    const owner = await q.executeTakeFirst();
    if (!owner)
      throw invalidField(input.ownerEmail ? "owner" : "owner_id", "is not an active user of this tenant.");
    const name = input.name?.trim() || `Key for ${owner.email}`;
    if (name.length > 100) throw invalidField("name", "must be at most 100 characters.");
    const row = await tx
      .insertInto("api_keys")
      .values({
        tenant_id: tenantId,
        name,
        secret_hash: sha256(secret),
        secret_hint: secret.slice(-4),
        scopes,
        owner_id: owner.id,
        created_by: input.createdBy,
        expires_at: input.expiresAt ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
  const key = (await listApiKeys(db, tenantId, id))[0];
  if (!key) throw new Error("the new API key vanished");
  return { key, secret: `${KEY_PREFIX}${tenantId}_${secret}` };
}

/** Every key of the tenant (or one), newest first, with notes on what it can do and its usage. */
export async function listApiKeys(db: Db, tenantId: string, onlyId?: string): Promise<ApiKeyView[]> {
  return inTenant(db, tenantId, async (tx) => {
    const rows = await sql<{
      id: string;
      name: string;
      secret_hint: string;
      scopes: string[];
      owner_id: string;
      owner_name: string;
      owner_email: string;
      created_at: Date;
      expires_at: Date | null;
      last_used_at: Date | null;
      revoked_at: Date | null;
      expired: boolean;
      today: UsageCounts | null;
      month: UsageCounts | null;
    }>`
      select k.id, k.name, k.secret_hint, k.scopes, k.owner_id, u.name as owner_name, u.email as owner_email,
        k.created_at, k.expires_at, k.last_used_at, k.revoked_at,
        coalesce(k.expires_at <= now(), false) as expired,
        (select json_build_object('requests', d.requests, 'status_2xx', d.status_2xx,
                 'status_4xx', d.status_4xx, 'status_5xx', d.status_5xx)
           from api_usage_daily d
          where d.tenant_id = k.tenant_id and d.key_id = k.id
            and d.day = (now() at time zone 'UTC')::date) as today,
        (select json_build_object('requests', coalesce(sum(d.requests), 0), 'status_2xx', coalesce(sum(d.status_2xx), 0),
                 'status_4xx', coalesce(sum(d.status_4xx), 0), 'status_5xx', coalesce(sum(d.status_5xx), 0))
           from api_usage_daily d
          where d.tenant_id = k.tenant_id and d.key_id = k.id
            and d.day > (now() at time zone 'UTC')::date - 30) as month
      from api_keys k
      join users u on u.tenant_id = k.tenant_id and u.id = k.owner_id
      where k.tenant_id = ${tenantId} ${onlyId ? sql`and k.id = ${onlyId}` : sql``}
      order by k.created_at desc, k.id desc`.execute(tx);
    return rows.rows.map((r) => ({
      id: r.id,
      name: r.name,
      hint: `${KEY_PREFIX}…${r.secret_hint}`,
      scopes: r.scopes,
      owner: { id: r.owner_id, name: r.owner_name, email: r.owner_email },
      status: r.revoked_at ? "revoked" : r.expired ? "expired" : "active",
      created_at: r.created_at,
      expires_at: r.expires_at,
      last_used_at: r.last_used_at,
      revoked_at: r.revoked_at,
      notes: scopeNotes(r.scopes),
      usage: { today: numbers(r.today), last_30_days: numbers(r.month) },
    }));
  });
}

function numbers(counts: UsageCounts | null): UsageCounts {
  if (!counts) return { ...EMPTY };
  return {
    requests: Number(counts.requests),
    status_2xx: Number(counts.status_2xx),
    status_4xx: Number(counts.status_4xx),
    status_5xx: Number(counts.status_5xx),
  };
}

/** Revoke a key: it answers 401 from the next request on. Idempotent; the row stays for its usage. */
export async function revokeApiKey(db: Db, tenantId: string, id: string): Promise<ApiKeyView> {
  await inTenant(db, tenantId, async (tx) => {
    const row = await tx.selectFrom("api_keys").select(["id"]).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("The API key");
    await tx
      .updateTable("api_keys")
      .set({ revoked_at: new Date() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
  });
  const [key] = await listApiKeys(db, tenantId, id);
  if (!key) throw notFound("The API key");
  return key;
}

/** The caller of a Public API request, resolved once per request. */
export interface ApiKeyContext {
  keyId: string;
  tenantId: string;
  ownerId: string;
  scopes: readonly string[];
  license: { active: boolean; flags: readonly string[] } | null;
  /** Requests per minute for this key (the tenant's license, else the default). */
  rateLimit: number;
}

export type KeyLookup = { ok: true; key: ApiKeyContext } | { ok: false; reason: string };

export const DEFAULT_RATE_LIMIT = 600;

const LOOKUP_SQL = `
  select k.id, k.scopes, k.owner_id, u.active as owner_active, k.revoked_at is not null as revoked,
    coalesce(k.expires_at <= now(), false) as expired,
    l.active as license_active, l.flags, l.api_rate_limit
  from api_keys k
  join users u on u.tenant_id = k.tenant_id and u.id = k.owner_id
  left join itsm_licenses l on l.tenant_id = k.tenant_id
  where k.tenant_id = $1 and k.secret_hash = $2`;

/**
 * Resolve `Authorization: Bearer usk_…` in one round trip, on the owner connection (no row-level
 * security transaction, which would cost two more round trips on every API request) and scoped by
 * the tenant the key names, explicitly in every join. Reads the key, its owner's status and the license
 * fresh, so a revoked key or a deactivated owner counts from the very next request.
 *
 * `prepared` (PostgreSQL): a named prepared statement, planned once per connection — the planning was
 * most of this query's cost. (Behind pgbouncer in transaction mode this needs pgbouncer ≥ 1.21 with
 * max_prepared_statements set; the embedded database, one session shared by all clients, never uses it.)
 */
export async function unsafeResolveApiKey(
  pool: pg.Pool,
  prepared: boolean,
  authorization: string | undefined,
): Promise<KeyLookup> {
  if (!authorization) {
    return { ok: false, reason: "Send your API key in the header Authorization: Bearer usk_…" };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const parsed = match?.[1] ? parseApiKey(match[1]) : null;
  if (!parsed) return { ok: false, reason: "The Authorization header does not hold a valid API key." };
  const result = await pool.query<{
    id: string;
    scopes: string[];
    owner_id: string;
    owner_active: boolean;
    revoked: boolean;
    expired: boolean;
    license_active: boolean | null;
    flags: string[] | null;
    api_rate_limit: number | null;
  }>({
    ...(prepared ? { name: "uslimato_api_key_lookup" } : {}),
    text: LOOKUP_SQL,
    values: [parsed.tenantId, parsed.hash],
  });
  const row = result.rows[0];
  if (!row) return { ok: false, reason: "This API key is not valid." };
  if (row.revoked) return { ok: false, reason: "This API key has been revoked." };
  if (row.expired) return { ok: false, reason: "This API key has expired." };
  if (!row.owner_active) return { ok: false, reason: "The user this API key acts as is deactivated." };
  return {
    ok: true,
    key: {
      keyId: row.id,
      tenantId: parsed.tenantId,
      ownerId: row.owner_id,
      scopes: row.scopes,
      license: row.license_active === null ? null : { active: row.license_active, flags: row.flags ?? [] },
      rateLimit: row.api_rate_limit ?? DEFAULT_RATE_LIMIT,
    },
  };
}

/** The owner candidates for Settings → API keys: active users, with what they may do. */
export async function keyOwnerCandidates(db: Db, tenantId: string) {
  return inTenant(db, tenantId, async (tx) => {
    const rows = await sql<{ id: string; name: string; email: string; permissions: string[] }>`
      select u.id, u.name, u.email,
        array(select distinct gp.permission from group_members gm
              join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
              where gm.tenant_id = u.tenant_id and gm.user_id = u.id order by 1) as permissions
      from users u where u.active order by u.name, u.email`.execute(tx);
    return rows.rows;
  });
}
