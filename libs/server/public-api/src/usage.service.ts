import { Injectable, Logger, type OnApplicationShutdown, type OnModuleDestroy } from "@nestjs/common";
import { inTenant, unscoped } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { type PendingUsage, UsageMeter } from "./metering.ts";

export interface UsageRow {
  day: string;
  key_id: string;
  key_name: string;
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}

export interface OperatorUsageRow extends UsageRow {
  tenant_slug: string;
}

/** The first day of the last `days` UTC days ($n is `days`). */
const since = (param: string) => `(now() at time zone 'UTC')::date - (${param}::int - 1)`;

/**
 * The usage meter of this process (metering.ts) and the usage reports. Reports flush this process's
 * counts first, so what a request just did shows; the meter flushes once more when the app closes.
 */
@Injectable()
export class UsageService implements OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger("PublicApiUsage");
  private readonly meter: UsageMeter;

  constructor(private readonly dataSource: DataSource) {
    this.meter = new UsageMeter(
      (tenantId, rows) => this.write(tenantId, rows),
      (err) => this.logger.warn(`usage meter: flush failed, will retry: ${String(err)}`),
    );
  }

  count(tenantId: string, keyId: string, status: number): void {
    this.meter.count(tenantId, keyId, status);
  }

  flush(): Promise<void> {
    return this.meter.flush();
  }

  async onModuleDestroy(): Promise<void> {
    await this.meter.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.meter.close();
  }

  /** A tenant's usage per key per day for the last `days` days (Settings → API keys, CSV export). */
  async tenantUsage(tenantId: string, days: number): Promise<UsageRow[]> {
    await this.flush();
    return inTenant(
      this.dataSource,
      tenantId,
      (em) =>
        em.query(
          `select d.day::text as day, d.key_id, k.name as key_name,
             d.requests, d.status_2xx, d.status_4xx, d.status_5xx
           from api_usage_daily d
           join api_keys k on k.tenant_id = d.tenant_id and k.id = d.key_id
           where d.tenant_id = $1 and d.day >= ${since("$2")}
           order by d.day desc, k.name, d.key_id`,
          [tenantId, days],
        ),
      { readOnly: true },
    );
  }

  /** Every tenant's usage (the operator console and its CSV export): no tenant scope, all tenants. */
  async unsafeAllUsage(days: number): Promise<OperatorUsageRow[]> {
    await this.flush();
    return unscoped(
      this.dataSource,
      (em) =>
        em.query(
          `select d.day::text as day, t.slug as tenant_slug, d.key_id, k.name as key_name,
             d.requests, d.status_2xx, d.status_4xx, d.status_5xx
           from api_usage_daily d
           join api_keys k on k.tenant_id = d.tenant_id and k.id = d.key_id
           join tenants t on t.id = d.tenant_id
           where d.day >= ${since("$1")}
           order by d.day desc, t.slug, k.name, d.key_id`,
          [days],
        ),
      { readOnly: true },
    );
  }

  /**
   * One tenant's counts in one transaction: one upsert adding to the day's counters and one update of
   * the keys' last_used_at. Hand-written SQL because counters are added to (`requests + excluded…`),
   * which TypeORM's upsert cannot say, and one statement each keeps the flush to two round trips.
   */
  private async write(tenantId: string, rows: PendingUsage[]): Promise<void> {
    const lastUsed = new Map<string, Date>();
    for (const p of rows) {
      const seen = lastUsed.get(p.keyId);
      if (!seen || p.lastUsedAt > seen) lastUsed.set(p.keyId, p.lastUsedAt);
    }
    await inTenant(this.dataSource, tenantId, async (em) => {
      await em.query(
        `insert into api_usage_daily (tenant_id, key_id, day, requests, status_2xx, status_4xx, status_5xx)
         select $1, u.key_id, u.day, u.requests, u.s2, u.s4, u.s5
         from unnest($2::uuid[], $3::date[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])
           as u(key_id, day, requests, s2, s4, s5)
         on conflict (tenant_id, key_id, day) do update set
           requests = api_usage_daily.requests + excluded.requests,
           status_2xx = api_usage_daily.status_2xx + excluded.status_2xx,
           status_4xx = api_usage_daily.status_4xx + excluded.status_4xx,
           status_5xx = api_usage_daily.status_5xx + excluded.status_5xx`,
        [
          tenantId,
          rows.map((p) => p.keyId),
          rows.map((p) => p.day),
          rows.map((p) => p.requests),
          rows.map((p) => p.s2),
          rows.map((p) => p.s4),
          rows.map((p) => p.s5),
        ],
      );
      await em.query(
        `update api_keys k set last_used_at = greatest(k.last_used_at, u.at)
         from unnest($2::uuid[], $3::timestamptz[]) as u(id, at)
         where k.tenant_id = $1 and k.id = u.id`,
        [tenantId, [...lastUsed.keys()], [...lastUsed.values()].map((d) => d.toISOString())],
      );
    });
  }
}
