import { computed, Injectable, inject, signal } from "@angular/core";
import { TicketsApi } from "../common/tickets-api.ts";
import type { StatusCounts, Ticket } from "../common/types.ts";
import { type QueueFilters, queueQuery } from "./queue-filters.ts";

/**
 * The queue's state: the pages loaded so far for the current filters, the counts, and what is in flight.
 * A newer request wins (a slow answer for old filters is dropped).
 */
@Injectable()
export class QueueStore {
  private readonly api = inject(TicketsApi);
  private filters: QueueFilters | null = null;
  private run = 0;

  readonly tickets = signal<Ticket[] | null>(null);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly loadingMore = signal(false);
  readonly error = signal<unknown>(null);
  readonly counts = signal<StatusCounts | null>(null);
  readonly hasMore = computed(() => this.nextCursor() !== null);

  /** Loads the first page for `filters`. */
  async show(filters: QueueFilters): Promise<void> {
    this.filters = filters;
    await this.reload(0);
  }

  /** Re-reads what is shown (at least as many tickets as now), e.g. after a change in the feed. */
  async refresh(): Promise<void> {
    await this.reload(this.tickets()?.length ?? 0);
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!this.filters || !cursor || this.loadingMore()) return;
    const run = this.run;
    this.loadingMore.set(true);
    try {
      const page = await this.api.queue(queueQuery(this.filters, cursor));
      if (run !== this.run) return;
      this.tickets.update((t) => [...(t ?? []), ...page.data]);
      this.nextCursor.set(page.next_cursor);
      this.error.set(null);
    } catch (err) {
      if (run === this.run) this.error.set(err);
    } finally {
      this.loadingMore.set(false);
    }
  }

  private async reload(atLeast: number): Promise<void> {
    const filters = this.filters;
    if (!filters) return;
    const run = ++this.run;
    this.loading.set(true);
    void this.api.counts().then(
      (c) => this.counts.set(c),
      () => undefined,
    );
    try {
      const tickets: Ticket[] = [];
      let cursor: string | undefined;
      let next: string | null = null;
      do {
        const page = await this.api.queue(queueQuery(filters, cursor));
        tickets.push(...page.data);
        next = page.next_cursor;
        cursor = next ?? undefined;
      } while (next && tickets.length < atLeast);
      if (run !== this.run) return;
      this.tickets.set(tickets);
      this.nextCursor.set(next);
      this.error.set(null);
    } catch (err) {
      if (run === this.run) this.error.set(err);
    } finally {
      if (run === this.run) this.loading.set(false);
    }
  }
}
