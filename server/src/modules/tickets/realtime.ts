import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

type Listener = (version: string) => void;

/**
 * Tells open queue pages that a tenant's tickets changed. Each process polls PostgreSQL for the newest
 * updated_at of the tenants that have listeners (one indexed query per interval, however many
 * listeners), so it works across any number of server processes without shared memory.
 */
export class TicketChangeFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly versions = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly db: Db;
  private readonly intervalMs: number;

  constructor(db: Db, intervalMs = 1500) {
    this.db = db;
    this.intervalMs = intervalMs;
  }

  subscribe(tenantId: string, listener: Listener): () => void {
    const set = this.listeners.get(tenantId) ?? new Set<Listener>();
    this.listeners.set(tenantId, set);
    set.add(listener);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(tenantId);
        this.versions.delete(tenantId);
      }
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Unscoped on purpose: it reads one timestamp per subscribed tenant and hands it only to that tenant. */
  private async poll(): Promise<void> {
    const tenants = [...this.listeners.keys()];
    if (tenants.length === 0) return;
    try {
      const { rows } = await sql<{ tenant_id: string; v: string }>`
        select s.tenant_id, (select max(updated_at)::text from tickets t where t.tenant_id = s.tenant_id) as v
        from unnest(${tenants}::uuid[]) as s(tenant_id)`.execute(this.db);
      for (const { tenant_id, v } of rows) {
        const version = v ?? "";
        const previous = this.versions.get(tenant_id);
        this.versions.set(tenant_id, version);
        if (previous !== undefined && previous !== version)
          for (const l of this.listeners.get(tenant_id) ?? []) l(version);
      }
    } catch {
      // The database is briefly unreachable: try again next interval.
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}
