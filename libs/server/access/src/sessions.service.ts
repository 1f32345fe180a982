import { Injectable } from "@nestjs/common";
import { SessionResolver, type UserContext } from "@uslimato/server-core";
import { type Database, InjectDatabase, inTenant, poolOf, Session } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { parseSessionCookie, SESSION_DAYS } from "./session-cookie.ts";
import { randomToken, sha256 } from "./tokens.ts";

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

interface SessionRow {
  user_id: string;
  name: string;
  email: string;
  csrf_token: string;
  slug: string;
  tenant_name: string;
  permissions: string[];
  license_active: boolean | null;
  flags: string[] | null;
}

/** User sessions: created at sign-in, resolved on every request (the access guard's resolver), deleted. */
@Injectable()
export class SessionsService implements SessionResolver {
  constructor(
    private readonly dataSource: DataSource,
    @InjectDatabase() private readonly database: Database,
  ) {}

  async createSession(tenantId: string, userId: string): Promise<{ cookie: string; csrfToken: string }> {
    const secret = randomToken();
    const csrfToken = randomToken(24);
    await inTenant(this.dataSource, tenantId, (em) =>
      em.getRepository(Session).insert({
        tenantId,
        tokenHash: sha256(secret),
        userId,
        csrfToken,
        expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      }),
    );
    return { cookie: `${tenantId}.${secret}`, csrfToken };
  }

  /**
   * Resolve a session cookie to the user, their effective permissions (read fresh on every request, so
   * a removed permission is gone on the very next one) and the tenant's ITSM license, in one query.
   *
   * The one per-request lookup, in one round trip: it runs straight on the pg pool (poolOf), not in an
   * inTenant transaction — BEGIN, the scope and COMMIT would cost more round trips on every request —
   * as the owner connection, scoped by the tenant named in the cookie explicitly in every join. On a
   * PostgreSQL server it is a named prepared statement, planned once per connection (planning was most
   * of its cost); TypeORM's query() cannot name statements, hence the pool. The embedded database, one
   * session shared by every client, never uses named statements.
   */
  async resolve(cookie: string | undefined): Promise<UserContext | null> {
    const parsed = parseSessionCookie(cookie);
    if (!parsed) return null;
    const result = await poolOf(this.dataSource).query<SessionRow>({
      ...(this.database.preparedStatements ? { name: "uslimato_session_lookup" } : {}),
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

  async deleteSession(user: UserContext): Promise<void> {
    await inTenant(this.dataSource, user.tenantId, (em) =>
      em.getRepository(Session).delete({ tenantId: user.tenantId, tokenHash: user.sessionHash }),
    );
  }
}
