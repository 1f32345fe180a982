import type { TicketEvent } from "@uslimato/domain";
import type { EntityManager } from "typeorm";
import { isDeliverableAddress } from "./mail-rules.ts";
import type { OutgoingMail } from "./mail-types.ts";

// The delivery ledger: plain functions on the job's tenant transaction. A mail is claimed (counted
// against the quota, marked `sending`) and committed BEFORE it is handed to SMTP, then settled in a
// second transaction. So the monthly counter row is locked only for the claim, never across an SMTP
// round trip, and a crash between the two leaves `sending`: the retried job sends it again (at least
// once; the window is the SMTP answer → settle commit, a few milliseconds).

export interface ClaimedMail extends OutgoingMail {
  deliveryId: string;
  /** Counted against this month's quota by the claim (to give back if the send fails). */
  month: string;
}

export interface ClaimResult {
  toSend: ClaimedMail[];
  /** Already sent, dropped or failed under its key: nothing to do (a retried or re-delivered job). */
  skipped: number;
  dropped: number;
  failed: number;
}

const FINAL = new Set(["sent", "dropped", "failed"]);

/**
 * Claim each mail under its delivery key. The upsert locks the delivery row until this transaction
 * ends, so two workers holding the same job (a stalled job re-delivered) wait for each other and the
 * second sees the first's outcome.
 */
export async function claimDeliveries(
  em: EntityManager,
  tenantId: string,
  outboxId: string,
  event: TicketEvent,
  mails: OutgoingMail[],
  month: string,
): Promise<ClaimResult> {
  const result: ClaimResult = { toSend: [], skipped: 0, dropped: 0, failed: 0 };
  if (mails.length === 0) return result;
  const [license] = (await em.query("select max_emails_month from itsm_licenses where tenant_id = $1", [
    tenantId,
  ])) as { max_emails_month: number }[];
  const quota = license?.max_emails_month ?? 0;
  for (const mail of mails) {
    const [row] = (await em.query(
      `insert into email_deliveries (tenant_id, delivery_key, outbox_id, event, recipient, recipient_user_id, status)
       values ($1, $2, $3, $4, $5, $6, 'pending')
       on conflict (tenant_id, delivery_key) do update set updated_at = now()
       returning id, status`,
      [tenantId, mail.deliveryKey, outboxId, event.name, mail.to, mail.recipientUserId],
    )) as { id: string; status: string }[];
    if (!row || FINAL.has(row.status)) {
      result.skipped++;
      continue;
    }
    if (row.status === "sending") {
      // A previous attempt was counted and handed to SMTP, then died before settling: send again.
      await markAttempt(em, tenantId, row.id);
      result.toSend.push({ ...mail, deliveryId: row.id, month });
      continue;
    }
    if (!isDeliverableAddress(mail.to)) {
      await finish(em, tenantId, row.id, "failed", `invalid recipient address: ${JSON.stringify(mail.to)}`);
      await count(em, tenantId, month, "emails_failed", 1);
      result.failed++;
      continue;
    }
    if (!(await takeQuota(em, tenantId, month, quota))) {
      await finish(em, tenantId, row.id, "dropped", `monthly email quota reached (${quota} a month)`);
      await count(em, tenantId, month, "emails_dropped", 1);
      await raiseQuotaAlert(em, tenantId, month, quota);
      result.dropped++;
      continue;
    }
    await em.query(
      "update email_deliveries set status = 'sending', attempts = attempts + 1, updated_at = now() where tenant_id = $1 and id = $2",
      [tenantId, row.id],
    );
    result.toSend.push({ ...mail, deliveryId: row.id, month });
  }
  return result;
}

/**
 * Count one message against the month's quota, atomically across workers: the increment happens only
 * while the counter is below the quota (the conditional upsert runs under the counter row's lock).
 */
async function takeQuota(
  em: EntityManager,
  tenantId: string,
  month: string,
  quota: number,
): Promise<boolean> {
  if (quota <= 0) return false;
  const rows = (await em.query(
    `insert into monthly_usage (tenant_id, month, emails_sent) values ($1, $2, 1)
     on conflict (tenant_id, month) do update set emails_sent = monthly_usage.emails_sent + 1
     where monthly_usage.emails_sent < $3
     returning emails_sent`,
    [tenantId, month, quota],
  )) as unknown[];
  return rows.length > 0;
}

type Counter = "emails_sent" | "emails_dropped" | "emails_failed";

async function count(em: EntityManager, tenantId: string, month: string, counter: Counter, by: number) {
  // The column name is one of three constants (Counter), never input.
  await em.query(
    `insert into monthly_usage (tenant_id, month, ${counter}) values ($1, $2, greatest($3, 0))
     on conflict (tenant_id, month) do update set ${counter} = greatest(monthly_usage.${counter} + $3, 0)`,
    [tenantId, month, by],
  );
}

/** One alert per tenant and month (the same kind the hourly quota check raises, so never two). */
async function raiseQuotaAlert(em: EntityManager, tenantId: string, month: string, quota: number) {
  await em.query(
    `insert into operator_alerts (tenant_id, kind, period, message)
     select $1, 'max_emails_month_reached', $2,
            t.slug || ' reached its quota of ' || $3 || ' emails this month; further mails are dropped.'
     from tenants t where t.id = $1
     on conflict (tenant_id, kind, period) do nothing`,
    [tenantId, month, quota],
  );
}

async function markAttempt(em: EntityManager, tenantId: string, id: string) {
  await em.query(
    "update email_deliveries set attempts = attempts + 1, updated_at = now() where tenant_id = $1 and id = $2",
    [tenantId, id],
  );
}

async function finish(em: EntityManager, tenantId: string, id: string, status: string, reason: string) {
  await em.query(
    "update email_deliveries set status = $3, reason = $4, updated_at = now() where tenant_id = $1 and id = $2",
    [tenantId, id, status, reason],
  );
}

export type SendOutcome =
  | { mail: ClaimedMail; ok: true; messageId: string }
  | { mail: ClaimedMail; ok: false; permanent: boolean; reason: string };

/**
 * Record what SMTP said: sent; refused for good (failed, given back to the quota, counted failed); or
 * not reachable (back to pending, given back to the quota: the job is retried).
 */
export async function settleDeliveries(em: EntityManager, tenantId: string, outcomes: SendOutcome[]) {
  for (const o of outcomes) {
    if (o.ok) {
      await em.query(
        `update email_deliveries set status = 'sent', message_id = $3, reason = null, sent_at = now(), updated_at = now()
         where tenant_id = $1 and id = $2`,
        [tenantId, o.mail.deliveryId, o.messageId],
      );
      continue;
    }
    await em.query(
      "update email_deliveries set status = $3, reason = $4, updated_at = now() where tenant_id = $1 and id = $2",
      [tenantId, o.mail.deliveryId, o.permanent ? "failed" : "pending", o.reason],
    );
    await count(em, tenantId, o.mail.month, "emails_sent", -1);
    if (o.permanent) await count(em, tenantId, o.mail.month, "emails_failed", 1);
  }
}

export interface EmailUsage {
  month: string;
  sent: number;
  dropped: number;
  failed: number;
  quota: number | null;
}

/** A tenant's mail counters for one month and its quota (tenant transaction). */
export async function emailUsage(em: EntityManager, tenantId: string, month: string): Promise<EmailUsage> {
  const [row] = (await em.query(
    `select l.max_emails_month as quota, u.emails_sent as sent, u.emails_dropped as dropped, u.emails_failed as failed
     from (select $1::uuid as tenant_id) x
     left join itsm_licenses l on l.tenant_id = x.tenant_id
     left join monthly_usage u on u.tenant_id = x.tenant_id and u.month = $2`,
    [tenantId, month],
  )) as { quota: number | null; sent: number | null; dropped: number | null; failed: number | null }[];
  return {
    month,
    sent: row?.sent ?? 0,
    dropped: row?.dropped ?? 0,
    failed: row?.failed ?? 0,
    quota: row?.quota ?? null,
  };
}
