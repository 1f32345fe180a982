import { unscoped } from "@uslimato/server-data";
import type { AppQueue } from "@uslimato/server-queue";
import type { DataSource } from "typeorm";
import { TICKET_EVENT_JOB_OPTIONS, type TicketEventJob } from "./queues.ts";

/** How long a claimed batch belongs to its relay before another may take it (the relay died). */
export const LEASE_SECONDS = 30;

export interface RelayOptions {
  batchSize?: number;
  /** Poll interval while the outbox is empty. */
  idleMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * Moves outbox rows to BullMQ. Any number of relays may run (one per worker process). A batch is
 * claimed in a short transaction (FOR UPDATE SKIP LOCKED, a lease in claimed_at), added to BullMQ with
 * the row ids as jobIds, then marked relayed. No database transaction is held while BullMQ is called: on
 * the embedded database every transaction shares one session, and a Redis outage must not stall ticket
 * changes. A relay that dies after claiming leaves a lease that expires (LEASE_SECONDS): another relay
 * re-adds the rows and BullMQ ignores the repeated jobIds (the delivery keys would stop a second mail
 * anyway). Nothing is lost, nothing sent twice.
 *
 * Woken by a short poll, not by a NOTIFY trigger: NOTIFY takes a database-wide lock at COMMIT, which
 * would serialize every ticket creation (the hot path) on it. An idle relay reads one empty index page
 * every `idleMs`; while there is a backlog it loops without waiting.
 */
export class OutboxRelay {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly log: (msg: string, err?: unknown) => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: AppQueue<TicketEventJob>,
    options: RelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 100;
    this.log = options.log ?? (() => {});
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let moved = 0;
      try {
        moved = await this.unsafeRelayBatch();
      } catch (err) {
        // Redis or the database away for a moment: the rows stay and are relayed on a later turn.
        this.log("outbox relay failed", err);
        await this.sleep(1000);
      }
      if (moved < this.batchSize) await this.sleep(this.idleMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * One batch, across every tenant (the relay belongs to no tenant: unscoped, hence `unsafe`). The jobs
   * carry their tenant; the worker scopes its transaction to it. Returns the number of rows moved.
   */
  async unsafeRelayBatch(): Promise<number> {
    const [rows] = (await unscoped(this.dataSource, (em) =>
      em.query(
        `update outbox o set claimed_at = now()
         from (select tenant_id, id from outbox
               where relayed_at is null and (claimed_at is null or claimed_at < now() - make_interval(secs => $2))
               order by created_at limit $1 for update skip locked) c
         where o.tenant_id = c.tenant_id and o.id = c.id
         returning o.tenant_id, o.id, o.event, o.payload, o.created_at`,
        [this.batchSize, LEASE_SECONDS],
      ),
    )) as [
      { tenant_id: string; id: string; event: string; payload: TicketEventJob["event"]["payload"] }[],
      number,
    ];
    if (rows.length === 0) return 0;
    const keys = [rows.map((r) => r.tenant_id), rows.map((r) => r.id)];
    try {
      await this.queue.addBulk(
        rows.map((r) => ({
          name: r.event,
          data: {
            tenantId: r.tenant_id,
            outboxId: r.id,
            event: { name: r.event, payload: r.payload } as TicketEventJob["event"],
          },
          opts: { ...TICKET_EVENT_JOB_OPTIONS, jobId: r.id },
        })),
      );
    } catch (err) {
      // Give the rows back at once rather than after the lease.
      await unscoped(this.dataSource, (em) =>
        em.query(
          `update outbox set claimed_at = null
           where (tenant_id, id) in (select * from unnest($1::uuid[], $2::uuid[])) and relayed_at is null`,
          keys,
        ),
      ).catch(() => {});
      throw err;
    }
    await unscoped(this.dataSource, (em) =>
      em.query(
        `update outbox set relayed_at = now()
         where (tenant_id, id) in (select * from unnest($1::uuid[], $2::uuid[]))`,
        keys,
      ),
    );
    return rows.length;
  }
}

/**
 * Delete outbox rows relayed more than `days` ago (an hourly scheduled job). By then their jobs are done
 * or failed in BullMQ, and their deliveries are recorded under their keys. Across tenants: unscoped.
 */
export async function purgeRelayedOutbox(dataSource: DataSource, days = 7): Promise<{ purged: number }> {
  const result = (await unscoped(dataSource, (em) =>
    em.query("delete from outbox where relayed_at < now() - make_interval(days => $1)", [days]),
  )) as [unknown[], number];
  return { purged: result[1] ?? 0 };
}
