import type { TicketEvent } from "@uslimato/domain";
import { inTenant, unscoped } from "@uslimato/server-data";
import type { DataSource } from "typeorm";
import { type ClaimedMail, claimDeliveries, type SendOutcome, settleDeliveries } from "./deliveries.ts";
import { deliveryMessageId, errorText, isPermanentSendError, quotaMonth } from "./mail-rules.ts";
import type { ComposeEventMails, MailLinks, MailTransport } from "./mail-types.ts";

export interface DeliveryReport {
  sent: number;
  skipped: number;
  dropped: number;
  failed: number;
}

/**
 * One ticket event → its mails: compose and claim them in the job's tenant transaction, hand the claimed
 * ones to SMTP, settle them in a second tenant transaction. Throws (so BullMQ retries the job with
 * back-off) when any mail could not be handed over for a transient reason; the mails already sent are
 * skipped on the retry by their delivery keys.
 */
export class EventProcessor {
  private links: Promise<MailLinks> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly compose: ComposeEventMails,
    private readonly transport: MailTransport,
    private readonly publicUrl: string,
  ) {}

  async deliver(tenantId: string, outboxId: string, event: TicketEvent): Promise<DeliveryReport> {
    const links = await this.mailLinks();
    const claim = await inTenant(this.dataSource, tenantId, async (em) => {
      const mails = await this.compose(em, event, outboxId, links);
      return claimDeliveries(em, tenantId, outboxId, event, mails, quotaMonth());
    });
    const outcomes = await Promise.all(claim.toSend.map((mail) => this.send(mail)));
    if (outcomes.length) {
      await inTenant(this.dataSource, tenantId, (em) => settleDeliveries(em, tenantId, outcomes));
    }
    const retry = outcomes.filter((o) => !o.ok && !o.permanent);
    if (retry.length) {
      const first = retry[0] as { reason: string };
      throw new Error(`${retry.length} of ${outcomes.length} mails not accepted yet: ${first.reason}`);
    }
    return {
      sent: outcomes.filter((o) => o.ok).length,
      skipped: claim.skipped,
      dropped: claim.dropped,
      failed: claim.failed + outcomes.filter((o) => !o.ok).length,
    };
  }

  private async send(mail: ClaimedMail): Promise<SendOutcome> {
    try {
      const { messageId } = await this.transport.send({
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: deliveryMessageId(mail.deliveryKey, this.publicUrl),
      });
      return { mail, ok: true, messageId };
    } catch (err) {
      return { mail, ok: false, permanent: isPermanentSendError(err), reason: errorText(err) };
    }
  }

  /** The link secret is a platform row (server_secrets), read once per process: unscoped. */
  private mailLinks(): Promise<MailLinks> {
    this.links ??= this.unsafeReadLinkSecret().catch((err) => {
      this.links = null;
      throw err;
    });
    return this.links;
  }

  private async unsafeReadLinkSecret(): Promise<MailLinks> {
    const rows = (await unscoped(
      this.dataSource,
      (em) => em.query("select value from server_secrets where name = 'email_links'"),
      { readOnly: true },
    )) as { value: string }[];
    const secret = rows[0]?.value;
    if (!secret) throw new Error("server_secrets has no email_links secret (migrations not applied?)");
    return { publicUrl: this.publicUrl, secret };
  }
}
