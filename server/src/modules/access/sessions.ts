import { type Database, type Db, inTenant } from "../../db/database.ts";
import type { LicenseState } from "../licensing/features.ts";
import { randomToken, sha256 } from "./tokens.ts";

export const SESSION_COOKIE = "uslimato_session";
export const SESSION_DAYS = 14;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Who is calling, resolved once per request (one query) and handed to services. */
export interface UserContext {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  userId: string;
  name: string;
  email: string;
  permissions: ReadonlySet<string>;
  license: LicenseState | null;
  csrfToken: string;
  sessionHash: string;
}

export async function createSession(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const secret = randomToken();
  const csrfToken = randomToken(24);
  await inTenant(db, tenantId, (tx) =>
    tx
      .insertInto("sessions")
      .values({
        tenant_id: tenantId,
        token_hash: sha256(secret),
        user_id: userId,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      })
      .execute(),
  );
  return { cookie: `${tenantId}.${secret}`, csrfToken };
}

/** The session cookie names its tenant, so the lookup runs inside that tenant's row-level security. */
export function parseSessionCookie(cookie: string | undefined): { tenantId: string; hash: string } | null {
  if (!cookie) return null;
  const dot = cookie.indexOf(".");
  const tenantId = cookie.slice(0, dot);
  const secret = cookie.slice(dot + 1);
  if (dot < 0 || !UUID.test(tenantId) || secret.length < 20 || secret.length > 100) return null;
  return { tenantId, hash: sha256(secret) };
}

const SESSION_SQL = `
  select s.user_id, u.name, u.email, s.csrf_token, t.slug, t.name as tenant_name,
    array(select distinct gp.permission from group_members gm
          join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
          where gm.tenant_id = s.tenant_id and gm.user_id = s.user_id) as permissions,
    l.active as license_active, l.flags
  from sessions s
  join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
  join tenants t on t.id = s.tenant_id
  left join itsm_licenses l on l.tenant_id = s.tenant_id
  where s.tenant_id = $1 and s.token_hash = $2 and s.expires_at > now() and u.active`;

/**
 * Resolve a session cookie to the user, their effective permissions (read fresh on every request, so a
 * removed permission is gone on the very next one) and the tenant's ITSM license, in one query.
 *
 * The one per-request lookup, in one round trip. It runs on the owner connection (no RLS transaction:
 * that would cost more round trips on every request) and is scoped by the tenant named in the cookie
 * explicitly in every join. On a PostgreSQL server it is a named prepared statement, planned once per
 * connection (planning was most of its cost); the embedded database, one session shared by every client,
 * never uses named statements.
 */
export async function resolveSession(
  database: Database,
  cookie: string | undefined,
): Promise<UserContext | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const result = await database.pool.query<{
    user_id: string;
    name: string;
    email: string;
    csrf_token: string;
    slug: string;
    tenant_name: string;
    permissions: string[];
    license_active: boolean | null;
    flags: string[] | null;
  }>({
    ...(database.mode === "postgres" ? { name: "uslimato_session_lookup" } : {}),
    text: SESSION_SQL,
    values: [parsed.tenantId, parsed.hash],
  });
  const row = result.rows[0];
  if (!row) return null;
  return {
    tenantId: parsed.tenantId,
    tenantSlug: row.slug,
    tenantName: row.tenant_name,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    permissions: new Set(row.permissions),
    license: row.license_active === null ? null : { active: row.license_active, flags: row.flags ?? [] },
    csrfToken: row.csrf_token,
    sessionHash: parsed.hash,
  };
}

export async function deleteSession(db: Db, ctx: UserContext): Promise<void> {
  await inTenant(db, ctx.tenantId, (tx) =>
    tx
      .deleteFrom("sessions")
      .where("tenant_id", "=", ctx.tenantId)
      .where("token_hash", "=", ctx.sessionHash)
      .execute(),
  );
}
