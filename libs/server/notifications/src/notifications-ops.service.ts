import { Injectable, type OnModuleDestroy } from "@nestjs/common";
import { AppError, type Config, InjectConfig, notFound } from "@uslimato/server-core";
import { type Database, InjectDatabase, inTenant, unscoped } from "@uslimato/server-data";
import { type AppQueue, createQueue, queueBackend } from "@uslimato/server-queue";
import { DataSource } from "typeorm";
import { type EmailUsage, emailUsage } from "./deliveries.ts";
import { quotaMonth } from "./mail-rules.ts";
import { TICKET_EVENTS_QUEUE, type TicketEventJob } from "./queues.ts";

export interface FailedJobView {
  id: string;
  event: string;
  tenantId: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
}

/**
 * What the api shows of the notification pipeline: the month's mail usage (tenant admins), queue depth,
 * failed jobs and per-tenant usage (operators), and the operator's retry of a failed job.
 */
@Injectable()
export class NotificationsOpsService implements OnModuleDestroy {
  private queue: AppQueue<TicketEventJob> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: Config,
    @InjectDatabase() private readonly database: Database,
  ) {}

  /** The queue, opened on first use: an api that nobody asks about the queue never connects to it. */
  private ticketEvents(): AppQueue<TicketEventJob> {
    this.queue ??= createQueue<TicketEventJob>(TICKET_EVENTS_QUEUE, queueBackend(this.config, this.database));
    return this.queue;
  }

  async onModuleDestroy() {
    await this.queue?.close();
  }

  emailUsage(tenantId: string, now = new Date()): Promise<EmailUsage> {
    return inTenant(this.dataSource, tenantId, (em) => emailUsage(em, tenantId, quotaMonth(now)), {
      readOnly: true,
    });
  }

  async overview(now = new Date()) {
    const queue = this.ticketEvents();
    const [counts, failed] = await Promise.all([
      queue.getJobCounts("waiting", "active", "delayed", "prioritized", "failed", "completed"),
      queue.getFailed(0, 99),
    ]);
    return {
      month: quotaMonth(now),
      queue: { name: TICKET_EVENTS_QUEUE, ...counts },
      failedJobs: failed.map(
        (job): FailedJobView => ({
          id: String(job.id),
          event: job.name,
          tenantId: job.data.tenantId,
          attemptsMade: job.attemptsMade,
          failedReason: job.failedReason,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        }),
      ),
      tenants: await this.unsafeMonthlyUsage(quotaMonth(now)),
    };
  }

  /** Every tenant's mail counters this month (the operator sees all tenants: unscoped). */
  private unsafeMonthlyUsage(month: string) {
    return unscoped(
      this.dataSource,
      (em) =>
        em.query(
          `select t.id as "tenantId", t.slug, l.max_emails_month as quota,
                  coalesce(u.emails_sent, 0) as sent, coalesce(u.emails_dropped, 0) as dropped,
                  coalesce(u.emails_failed, 0) as failed
           from tenants t
           join itsm_licenses l on l.tenant_id = t.id
           left join monthly_usage u on u.tenant_id = t.id and u.month = $1
           order by t.slug`,
          [month],
        ) as Promise<
          { tenantId: string; slug: string; quota: number; sent: number; dropped: number; failed: number }[]
        >,
      { readOnly: true },
    );
  }

  /** Put a failed job back in the queue (its mails already sent are skipped by their delivery keys). */
  async retryFailed(jobId: string): Promise<{ id: string; state: string }> {
    const job = await this.ticketEvents().getJob(jobId);
    if (!job) throw notFound(`Job ${jobId}`);
    const state = await job.getState();
    if (state !== "failed") {
      throw new AppError(
        "conflict",
        `Job ${jobId} is ${state}, not failed: only failed jobs can be retried.`,
      );
    }
    await job.retry("failed");
    return { id: jobId, state: await job.getState() };
  }
}
