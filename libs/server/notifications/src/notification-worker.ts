import { TICKET_EVENTS } from "@uslimato/domain";
import {
  type AppQueue,
  type AppWorker,
  createQueue,
  createWorker,
  type QueueBackend,
  upsertScheduler,
} from "@uslimato/server-queue";
import type { DataSource } from "typeorm";
import { EventProcessor } from "./event-processor.ts";
import { checkedRegistry, type EventHandler } from "./handler-registry.ts";
import type { ComposeEventMails, MailTransport } from "./mail-types.ts";
import { OutboxRelay, type RelayOptions } from "./outbox-relay.ts";
import { SCHEDULED_QUEUE, TICKET_EVENTS_QUEUE, type TicketEventJob } from "./queues.ts";
import { BACKOFF_TYPE, retryDelay } from "./retry.ts";

/** A periodic job: run once per `everyMs` across every worker process (a BullMQ job scheduler). */
export interface ScheduledTask {
  id: string;
  everyMs: number;
  /** `iteration`: the BullMQ job id of this period's run (unique per scheduler and period). */
  run(iteration: string): Promise<unknown>;
}

export interface NotificationWorkerOptions {
  dataSource: DataSource;
  backend: QueueBackend;
  compose: ComposeEventMails;
  transport: MailTransport;
  publicUrl: string;
  /** Ticket-event jobs processed at once by this process (WORKER_CONCURRENCY). */
  concurrency: number;
  scheduled: ScheduledTask[];
  relay?: RelayOptions | false;
  /** Retry back-off (tests shorten it). */
  backoff?: { baseMs?: number; maxMs?: number };
  log?: (msg: string, err?: unknown) => void;
  /** BullMQ key prefix (tests give each run its own on a shared Redis). */
  prefix?: string;
}

/** The handlers of the six events: each turns its event into mails through the same delivery path. */
export function eventHandlers(processor: EventProcessor): EventHandler[] {
  return TICKET_EVENTS.map((event) => ({
    event,
    handle: (job: TicketEventJob) => processor.deliver(job.tenantId, job.outboxId, job.event),
  }));
}

/**
 * Everything a notification-worker process runs: the outbox relay, the ticket-events worker and the
 * scheduled-jobs worker with its schedulers. stop() stops taking work and waits for jobs in flight.
 */
export class NotificationWorker {
  private queue: AppQueue<TicketEventJob> | null = null;
  private scheduledQueue: AppQueue<Record<string, never>> | null = null;
  private worker: AppWorker<TicketEventJob> | null = null;
  private scheduledWorker: AppWorker<Record<string, never>> | null = null;
  private relay: OutboxRelay | null = null;
  running = false;

  constructor(private readonly options: NotificationWorkerOptions) {}

  async start(): Promise<void> {
    const o = this.options;
    const log = o.log ?? (() => {});
    const processor = new EventProcessor(o.dataSource, o.compose, o.transport, o.publicUrl);
    // Refuses to start when an event has no handler or two (see checkedRegistry).
    const handlers = checkedRegistry(eventHandlers(processor));
    const prefix = o.prefix ? { prefix: o.prefix } : {};
    this.queue = createQueue<TicketEventJob>(TICKET_EVENTS_QUEUE, o.backend, prefix);
    this.worker = createWorker<TicketEventJob>(
      TICKET_EVENTS_QUEUE,
      async (job) => {
        const handler = handlers.get(job.data.event.name);
        if (!handler) throw new Error(`no handler for ${job.data.event.name}`);
        return handler.handle(job.data);
      },
      o.backend,
      {
        ...prefix,
        concurrency: o.concurrency,
        settings: {
          backoffStrategy: (attemptsMade: number, type?: string) =>
            type === BACKOFF_TYPE ? retryDelay(attemptsMade, o.backoff) : 0,
        },
      },
    );
    this.worker.on("failed", (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        log(
          `ticket-event job ${job.id} (${job.name}) failed for good after ${job.attemptsMade} attempts`,
          err,
        );
      }
    });
    this.worker.on("error", (err) => log("ticket-events worker error", err));
    // Redis away for a while: reported through `log` (BullMQ reconnects by itself).
    this.queue.on("error", (err) => log("ticket-events queue error", err));

    this.scheduledQueue = createQueue(SCHEDULED_QUEUE, o.backend, prefix);
    const tasks = new Map(o.scheduled.map((t) => [t.id, t]));
    this.scheduledWorker = createWorker(
      SCHEDULED_QUEUE,
      async (job) => {
        const task = tasks.get(job.name);
        // A scheduler left by an older version: nothing to run.
        if (!task) return { unknown: job.name };
        return task.run(String(job.id));
      },
      o.backend,
      { ...prefix, concurrency: 1 },
    );
    this.scheduledWorker.on("error", (err) => log("scheduled-jobs worker error", err));
    this.scheduledQueue.on("error", (err) => log("scheduled-jobs queue error", err));
    this.scheduledWorker.on("failed", (job, err) => log(`scheduled job ${job?.name} failed`, err));
    // Every process upserts the same schedulers: BullMQ keeps one per id, so each runs once per period.
    for (const task of o.scheduled) {
      await upsertScheduler(
        this.scheduledQueue,
        task.id,
        { every: task.everyMs },
        { name: task.id, data: {} },
      );
    }

    if (o.relay !== false) {
      this.relay = new OutboxRelay(o.dataSource, this.queue, { log, ...(o.relay ?? {}) });
      this.relay.start();
    }
    await Promise.all([this.worker.waitUntilReady(), this.scheduledWorker.waitUntilReady()]);
    this.running = true;
  }

  /** Graceful: no new work; jobs in flight finish (worker.close waits for them) before queues close. */
  async stop(): Promise<void> {
    this.running = false;
    await this.relay?.stop();
    await Promise.all([this.worker?.close(), this.scheduledWorker?.close()]);
    await Promise.all([this.queue?.close(), this.scheduledQueue?.close()]);
    await this.options.transport.close();
  }
}
