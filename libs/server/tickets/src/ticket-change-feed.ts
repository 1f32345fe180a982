import { Injectable, type OnModuleDestroy } from "@nestjs/common";
import { unscoped } from "@uslimato/server-data";
import { DataSource } from "typeorm";

type Listener = (version: string) => void;

interface Subscription {
  listener: Listener;
  /** Called when the feed shuts down (the app closes), so open streams end instead of hanging. */
  onClose: (() => void) | undefined;
}

/**
 * Tells open queue pages that a tenant's tickets changed. Each process polls PostgreSQL for the newest
 * updated_at of the tenants that have listeners (one indexed query per interval, however many
 * listeners), so it works across any number of server processes without shared memory.
 */
@Injectable()
export class TicketChangeFeed implements OnModuleDestroy {
  /** How often the database is asked (tests shorten it). */
  intervalMs = 1500;
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private readonly versions = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  subscribe(tenantId: string, listener: Listener, onClose?: () => void): () => void {
    const existing = this.subscriptions.get(tenantId);
    const set = existing ?? new Set<Subscription>();
    if (!existing) {
      this.subscriptions.set(tenantId, set);
      // The tenant's version is read now, not at the next interval: a change in between would become
      // the starting point and never be told (a ticket filed just after a queue page opened).
      void this.poll([tenantId]);
    }
    const subscription: Subscription = { listener, onClose };
    set.add(subscription);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      set.delete(subscription);
      if (set.size === 0 && this.subscriptions.get(tenantId) === set) {
        this.subscriptions.delete(tenantId);
        this.versions.delete(tenantId);
      }
      if (this.subscriptions.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** How many open streams listen to this tenant's changes. */
  listeners(tenantId: string): number {
    return this.subscriptions.get(tenantId)?.size ?? 0;
  }

  private async poll(tenants = [...this.subscriptions.keys()]): Promise<void> {
    if (tenants.length === 0) return;
    try {
      for (const { tenant_id, v } of await this.unsafeVersions(tenants)) {
        if (!this.subscriptions.has(tenant_id)) continue; // its last listener left meanwhile
        const version = v ?? "";
        const previous = this.versions.get(tenant_id);
        this.versions.set(tenant_id, version);
        if (previous !== undefined && previous !== version)
          for (const s of this.subscriptions.get(tenant_id) ?? []) s.listener(version);
      }
    } catch {
      // The database is briefly unreachable: try again next interval.
    }
  }

  /**
   * Unscoped on purpose: one statement reads one timestamp per subscribed tenant, and each is handed
   * only to that tenant's listeners.
   */
  private unsafeVersions(tenants: string[]): Promise<{ tenant_id: string; v: string | null }[]> {
    return unscoped(
      this.dataSource,
      (em) =>
        em.query(
          `select s.tenant_id, (select max(updated_at)::text from tickets t where t.tenant_id = s.tenant_id) as v
           from unnest($1::uuid[]) as s(tenant_id)`,
          [tenants],
        ),
      { readOnly: true },
    );
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const all = [...this.subscriptions.values()].flatMap((set) => [...set]);
    this.subscriptions.clear();
    this.versions.clear();
    for (const s of all) s.onClose?.();
  }

  onModuleDestroy(): void {
    this.close();
  }
}
