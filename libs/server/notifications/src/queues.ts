import type { TicketEvent } from "@uslimato/domain";
import { BACKOFF_TYPE, JOB_ATTEMPTS } from "./retry.ts";

/** The queue of ticket events: one job per outbox row, jobId = the outbox row's id. */
export const TICKET_EVENTS_QUEUE = "ticket-events";
/** The periodic jobs (quota check, auto-close), run by BullMQ job schedulers. */
export const SCHEDULED_QUEUE = "scheduled-jobs";

/** A ticket-event job: the outbox row, with its tenant (the worker runs it in that tenant's transaction). */
export interface TicketEventJob {
  tenantId: string;
  outboxId: string;
  event: TicketEvent;
}

/**
 * Options of every ticket-event job. Completed jobs are kept a day, so a relay that re-adds a row it had
 * already added (it died before marking it) is ignored by jobId; failed jobs stay until an operator
 * retries them.
 */
export const TICKET_EVENT_JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: BACKOFF_TYPE },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: false,
} as const;
