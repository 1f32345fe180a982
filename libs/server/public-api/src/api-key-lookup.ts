import type { LicenseState } from "@uslimato/domain";
import { sha256 } from "@uslimato/server-access";
import type pg from "pg";

/**
 * API keys: "usk_<tenant id>_<secret>". The tenant comes from the key itself, so the lookup runs
 * against that tenant only; only the SHA-256 of the 256-bit secret is stored.
 */
export const KEY_PREFIX = "usk_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Requests per minute of a key whose tenant's license sets none (and of requests without a key). */
export const DEFAULT_RATE_LIMIT = 600;

export function parseApiKey(key: string): { tenantId: string; hash: string } | null {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const tenantId = key.slice(KEY_PREFIX.length, KEY_PREFIX.length + 36);
  const rest = key.slice(KEY_PREFIX.length + 36);
  if (!UUID.test(tenantId) || !rest.startsWith("_")) return null;
  const secret = rest.slice(1);
  if (secret.length < 32 || secret.length > 100 || !/^[A-Za-z0-9_-]+$/.test(secret)) return null;
  return { tenantId, hash: sha256(secret) };
}

/** The key of a Public API request, resolved once per request. */
export interface ResolvedKey {
  keyId: string;
  tenantId: string;
  ownerId: string;
  scopes: readonly string[];
  license: LicenseState | null;
  /** Requests per minute for this key (the tenant's license, else the default). */
  rateLimit: number;
}

export type KeyLookup = { ok: true; key: ResolvedKey } | { ok: false; reason: string };

const LOOKUP_SQL = `
  select k.id, k.scopes, k.owner_id, u.active as owner_active, k.revoked_at is not null as revoked,
    coalesce(k.expires_at <= now(), false) as expired,
    l.active as license_active, l.flags, l.api_rate_limit
  from api_keys k
  join users u on u.tenant_id = k.tenant_id and u.id = k.owner_id
  left join itsm_licenses l on l.tenant_id = k.tenant_id
  where k.tenant_id = $1 and k.secret_hash = $2`;

interface LookupRow {
  id: string;
  scopes: string[];
  owner_id: string;
  owner_active: boolean;
  revoked: boolean;
  expired: boolean;
  license_active: boolean | null;
  flags: string[] | null;
  api_rate_limit: number | null;
}

/**
 * Resolve `Authorization: Bearer usk_…` in one round trip, on the pool's own connection (no row-level
 * security transaction, which would cost two more round trips on every API request) and scoped by
 * the tenant the key names, explicitly in every join. Reads the key, its owner's status and the license
 * fresh, so a revoked key or a deactivated owner counts from the very next request.
 *
 * `prepared` (PostgreSQL): a named prepared statement, planned once per connection — the planning was
 * most of this query's cost. It goes to the raw pg pool because TypeORM's query() cannot name a
 * statement. (Behind pgbouncer in transaction mode this needs pgbouncer ≥ 1.21 with
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
  const result = await pool.query<LookupRow>({
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
