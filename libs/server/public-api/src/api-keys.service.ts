import { Injectable } from "@nestjs/common";
import { randomToken, sha256 } from "@uslimato/server-access";
import { invalidField, notFound } from "@uslimato/server-core";
import { ApiKey, inTenant, User } from "@uslimato/server-data";
import { DataSource, IsNull } from "typeorm";
import { KEY_PREFIX } from "./api-key-lookup.ts";
import { API_SCOPES, isApiScope, scopeNotes } from "./scopes.ts";
import { UsageService } from "./usage.service.ts";

export interface UsageCounts {
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}

/** A key as Settings → API keys shows it (never its secret). */
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

export interface KeyOwnerCandidate {
  id: string;
  name: string;
  email: string;
  permissions: string[];
}

interface KeyRow {
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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One statement: each key with its owner, today's and the last 30 days' usage (aggregates over
// api_usage_daily that the query builder would need three queries for).
const LIST_SQL = `
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
  where k.tenant_id = $1 and ($2::uuid is null or k.id = $2::uuid)
  order by k.created_at desc, k.id desc`;

/** Settings → API keys (and the CLI): create, list with usage, revoke; the owner candidates. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly usage: UsageService,
  ) {}

  async createApiKey(tenantId: string, input: NewApiKey): Promise<{ key: ApiKeyView; secret: string }> {
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0) throw invalidField("scopes", `Give at least one of ${API_SCOPES.join(", ")}.`);
    scopes.forEach((s, i) => {
      if (!isApiScope(s))
        throw invalidField(
          `scopes.${i}`,
          `There is no scope "${s}". Known scopes: ${API_SCOPES.join(", ")}.`,
        );
    });
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      throw invalidField("expires_at", "must be in the future.");
    const ownerField = input.ownerEmail ? "owner" : "owner_id";
    const ownerId = input.ownerId ?? input.createdBy ?? "";
    if (!input.ownerEmail && !UUID.test(ownerId))
      throw invalidField(ownerField, "is not an active user of this tenant.");
    const secret = randomToken(32);
    const id = await inTenant(this.dataSource, tenantId, async (em) => {
      const query = em.getRepository(User).createQueryBuilder("u").where("u.active");
      if (input.ownerEmail)
        query.andWhere("lower(u.email) = :email", { email: input.ownerEmail.trim().toLowerCase() });
      else query.andWhere("u.id = :id", { id: ownerId });
      const owner = await query.getOne();
      if (!owner) throw invalidField(ownerField, "is not an active user of this tenant.");
      const name = input.name?.trim() || `Key for ${owner.email}`;
      if (name.length > 100) throw invalidField("name", "must be at most 100 characters.");
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(ApiKey)
        .values({
          tenantId,
          name,
          secretHash: sha256(secret),
          secretHint: secret.slice(-4),
          scopes,
          ownerId: owner.id,
          createdBy: input.createdBy,
          expiresAt: input.expiresAt ?? null,
        })
        .returning(["id"])
        .execute();
      return (inserted.raw as { id: string }[])[0]?.id as string;
    });
    const [key] = await this.listApiKeys(tenantId, id);
    if (!key) throw new Error("the new API key vanished");
    return { key, secret: `${KEY_PREFIX}${tenantId}_${secret}` };
  }

  /**
   * Every key of the tenant (or one), newest first, with notes on what it can do and its usage (this
   * process's counts flushed first, so the usage includes the request just made).
   */
  async listApiKeys(tenantId: string, onlyId?: string): Promise<ApiKeyView[]> {
    await this.usage.flush();
    const rows: KeyRow[] = await inTenant(
      this.dataSource,
      tenantId,
      (em) => em.query(LIST_SQL, [tenantId, onlyId ?? null]),
      { readOnly: true },
    );
    return rows.map((r) => ({
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
      usage: { today: counts(r.today), last_30_days: counts(r.month) },
    }));
  }

  /** Revoke a key: it answers 401 from the next request on. Idempotent; the row stays for its usage. */
  async revokeApiKey(tenantId: string, id: string): Promise<ApiKeyView> {
    await inTenant(this.dataSource, tenantId, async (em) => {
      const keys = em.getRepository(ApiKey);
      if (!(await keys.existsBy({ tenantId, id }))) throw notFound("The API key");
      await keys.update({ tenantId, id, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
    const [key] = await this.listApiKeys(tenantId, id);
    if (!key) throw notFound("The API key");
    return key;
  }

  /** The owner candidates for Settings → API keys: active users, with what they may do. */
  async keyOwnerCandidates(tenantId: string): Promise<KeyOwnerCandidate[]> {
    return inTenant(
      this.dataSource,
      tenantId,
      (em) =>
        em.query(
          `select u.id, u.name, u.email,
             array(select distinct gp.permission from group_members gm
                   join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
                   where gm.tenant_id = u.tenant_id and gm.user_id = u.id order by 1) as permissions
           from users u where u.active order by u.name, u.email`,
        ),
      { readOnly: true },
    );
  }
}

function counts(c: UsageCounts | null): UsageCounts {
  if (!c) return { requests: 0, status_2xx: 0, status_4xx: 0, status_5xx: 0 };
  return {
    requests: Number(c.requests),
    status_2xx: Number(c.status_2xx),
    status_4xx: Number(c.status_4xx),
    status_5xx: Number(c.status_5xx),
  };
}
