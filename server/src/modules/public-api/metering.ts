import { sql } from "kysely";
import { type Db, inTenant } from "../../db/database.ts";

/**
 * Usage metering: every Public API request made with a valid key is counted per key, per UTC day and
 * per status class. Counting is an in-memory increment; a flush about once a second writes one upsert
 * per tenant (and the keys' last_used_at), so the request path never waits on it and 50 concurrent
 * requests of one key do not queue on one row. A crash loses at most the last second of counts.
 */
export interface UsageRow {
  day: string;
  key_id: string;
  key_name: string;
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}

interface Pending {
  tenantId: string;
  keyId: string;
  day: string;
  requests: number;
  s2: number;
  s4: number;
  s5: number;
  lastUsedAt: Date;
}

export function statusClass(status: number): "2xx" | "4xx" | "5xx" | "other" {
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500) return "5xx";
  return "other";
}

export class UsageMeter {
  private pending = new Map<string, Pending>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly db: Db;
  private readonly onError: (err: unknown) => void;

  constructor(db: Db, onError: (err: unknown) => void, flushEveryMs = 1000) {
    this.db = db;
    this.onError = onError;
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  count(tenantId: string, keyId: string, status: number, at = new Date()): void {
    const day = at.toISOString().slice(0, 10);
    const id = `${tenantId}|${keyId}|${day}`;
    let p = this.pending.get(id);
    if (!p) {
      p = { tenantId, keyId, day, requests: 0, s2: 0, s4: 0, s5: 0, lastUsedAt: at };
      this.pending.set(id, p);
    }
    p.requests++;
    const cls = statusClass(status);
    if (cls === "2xx") p.s2++;
    else if (cls === "4xx") p.s4++;
    else if (cls === "5xx") p.s5++;
    if (at > p.lastUsedAt) p.lastUsedAt = at;
  }

  /** Write what was counted so far. Flushes never overlap; a failed one keeps its counts for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const byTenant = new Map<string, Pending[]>();
    for (const p of batch) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p]);
    for (const [tenantId, rows] of byTenant) {
      try {
        await writeUsage(this.db, tenantId, rows);
      } catch (err) {
        for (const p of rows) this.merge(p);
        this.onError(err);
      }
    }
  }

  private merge(p: Pending): void {
    const id = `${p.tenantId}|${p.keyId}|${p.day}`;
    const q = this.pending.get(id);
    if (!q) return void this.pending.set(id, p);
    q.requests += p.requests;
    q.s2 += p.s2;
    q.s4 += p.s4;
    q.s5 += p.s5;
    if (p.lastUsedAt > q.lastUsedAt) q.lastUsedAt = p.lastUsedAt;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

async function writeUsage(db: Db, tenantId: string, rows: Pending[]): Promise<void> {
  await inTenant(db, tenantId, async (tx) => {
    await tx
      .insertInto("api_usage_daily")
      .values(
        rows.map((p) => ({
          tenant_id: tenantId,
          key_id: p.keyId,
          day: p.day,
          requests: p.requests,
          status_2xx: p.s2,
          status_4xx: p.s4,
          status_5xx: p.s5,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["tenant_id", "key_id", "day"]).doUpdateSet({
          requests: sql`api_usage_daily.requests + excluded.requests`,
          status_2xx: sql`api_usage_daily.status_2xx + excluded.status_2xx`,
          status_4xx: sql`api_usage_daily.status_4xx + excluded.status_4xx`,
          status_5xx: sql`api_usage_daily.status_5xx + excluded.status_5xx`,
        }),
      )
      .execute();
    const lastUsed = new Map<string, Date>();
    for (const p of rows) {
      const seen = lastUsed.get(p.keyId);
      if (!seen || p.lastUsedAt > seen) lastUsed.set(p.keyId, p.lastUsedAt);
    }
    for (const [keyId, at] of lastUsed) {
      await tx
        .updateTable("api_keys")
        .set({ last_used_at: sql`greatest(last_used_at, ${at}::timestamptz)` })
        .where("id", "=", keyId)
        .execute();
    }
  });
}

const since = (days: number) => sql`(now() at time zone 'UTC')::date - ${days - 1}::int`;

/** A tenant's usage per key per day for the last `days` days (Settings → API keys, CSV export). */
export async function tenantApiUsage(db: Db, tenantId: string, days: number): Promise<UsageRow[]> {
  return inTenant(db, tenantId, async (tx) => {
    const rows = await sql<UsageRow>`
      select d.day::text as day, d.key_id, k.name as key_name, d.requests, d.status_2xx, d.status_4xx, d.status_5xx
      from api_usage_daily d
      join api_keys k on k.tenant_id = d.tenant_id and k.id = d.key_id
      where d.tenant_id = ${tenantId} and d.day >= ${since(days)}
      order by d.day desc, k.name, d.key_id`.execute(tx);
    return rows.rows;
  });
}

export interface OperatorUsageRow extends UsageRow {
  tenant_slug: string;
}

/** Every tenant's usage (the operator console and its CSV export): owner connection, all tenants. */
export async function unsafeAllApiUsage(db: Db, days: number): Promise<OperatorUsageRow[]> {
  const rows = await sql<OperatorUsageRow>`
    select d.day::text as day, t.slug as tenant_slug, d.key_id, k.name as key_name,
      d.requests, d.status_2xx, d.status_4xx, d.status_5xx
    from api_usage_daily d
    join api_keys k on k.tenant_id = d.tenant_id and k.id = d.key_id
    join tenants t on t.id = d.tenant_id
    where d.day >= ${since(days)}
    order by d.day desc, t.slug, k.name, d.key_id`.execute(db);
  return rows.rows;
}

/** RFC 4180 CSV with a header row; cells that a spreadsheet would run as a formula are neutralised. */
export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
