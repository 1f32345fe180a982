import type { TicketEvent } from "@uslimato/domain";
import type { EntityManager } from "typeorm";

// The contract of @uslimato/server-emails (composeEventMails, createMailTransport), restated here so that
// the pipeline depends on the shape, not on the renderer: the worker app wires the real ones in, tests
// may pass their own.

/** One rendered mail to one recipient, under the key that makes it sent at most once. */
export interface OutgoingMail {
  to: string;
  recipientUserId: string | null;
  subject: string;
  html: string;
  text: string;
  deliveryKey: string;
}

export interface MailLinks {
  publicUrl: string;
  secret: string;
}

/** Recipients and rendered mails of one event, read in the job's tenant transaction ([] when the flag is off). */
export type ComposeEventMails = (
  em: EntityManager,
  event: TicketEvent,
  outboxId: string,
  links: MailLinks,
) => Promise<OutgoingMail[]>;

export interface MailTransport {
  send(mail: {
    to: string;
    subject: string;
    html: string;
    text: string;
    messageId?: string | undefined;
  }): Promise<{ messageId: string }>;
  close(): Promise<void> | void;
}
