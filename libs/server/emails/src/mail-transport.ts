import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Injectable, type OnModuleDestroy } from "@nestjs/common";
import { type Config, InjectConfig } from "@uslimato/server-core";
import nodemailer from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";

export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /**
   * The Message-ID header, `<…@…>`; nodemailer makes a random one when absent. The worker sets one
   * derived from the delivery key, so a mail re-sent after a crash is the same message (see
   * deliveryMessageId in @uslimato/server-notifications).
   */
  messageId?: string | undefined;
}

/**
 * Sends one rendered mail. Also the Nest injection token (an abstract class, as SessionResolver is):
 * `constructor(private readonly mail: MailTransport)`. EmailsModule provides createMailTransport(config).
 */
export abstract class MailTransport {
  abstract send(mail: MailMessage): Promise<{ messageId: string }>;
  abstract close(): void;
}

/** Where mails go without SMTP_URL: one .eml file per mail (product.md §4, DATA_DIR). */
export const mailDir = (config: Pick<Config, "dataDir">) => path.join(config.dataDir, "mail");

/**
 * The sender: MAIL_FROM when set (checked here, so a process with a malformed one stops at start with
 * the reason), else "Service desk" <no-reply@…> at the host of PUBLIC_URL.
 */
export function senderAddress(config: Pick<Config, "publicUrl"> & Partial<Pick<Config, "mailFrom">>): string {
  if (config.mailFrom) {
    const parsed = addressparser(config.mailFrom, { flatten: true });
    const only = parsed.length === 1 ? parsed[0] : undefined;
    if (!only || !/^[^\s@]+@[^\s@]+$/.test(only.address)) {
      throw new Error(
        `MAIL_FROM must be one email address, optionally with a name ("Service desk <itsm@example.com>"), got "${config.mailFrom}".`,
      );
    }
    return config.mailFrom;
  }
  let host = "localhost";
  try {
    host = new URL(config.publicUrl).hostname || host;
  } catch {
    // PUBLIC_URL is checked elsewhere; a sender is still needed.
  }
  return `"Service desk" <no-reply@${host}>`;
}

/**
 * The mail transport of a process: SMTP through nodemailer (a small connection pool) when SMTP_URL is
 * set, else `.eml` files under DATA_DIR/mail, complete messages a mail client opens. Used by the api
 * (test sends) and the notification worker.
 */
export function createMailTransport(
  config: Pick<Config, "smtpUrl" | "dataDir" | "publicUrl"> & Partial<Pick<Config, "mailFrom">>,
): MailTransport {
  const from = senderAddress(config);
  const message = (mail: MailMessage) => ({
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
  });

  if (config.smtpUrl) {
    // pool: keeps connections open between mails (the worker sends many); the URL's own options win.
    const smtp = nodemailer.createTransport({ url: config.smtpUrl, pool: true } as never);
    return {
      async send(mail) {
        const info = await smtp.sendMail(message(mail));
        return { messageId: String(info.messageId) };
      },
      close: () => smtp.close(),
    };
  }

  const dir = mailDir(config);
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await files.sendMail(message(mail));
      await fs.mkdir(dir, { recursive: true });
      // Written under a temporary name and renamed: whoever watches the folder never reads half a mail.
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`;
      const partial = path.join(dir, `.${name}.part`);
      await fs.writeFile(partial, info.message as Buffer);
      await fs.rename(partial, path.join(dir, name));
      return { messageId: String(info.messageId) };
    },
    close: () => files.close(),
  };
}

/** MailTransport as a Nest provider: createMailTransport(config), closed with the application. */
@Injectable()
export class ConfiguredMailTransport implements MailTransport, OnModuleDestroy {
  private readonly inner: MailTransport;

  constructor(@InjectConfig() config: Config) {
    this.inner = createMailTransport(config);
  }

  send(mail: MailMessage): Promise<{ messageId: string }> {
    return this.inner.send(mail);
  }

  close(): void {
    this.inner.close();
  }

  /** Pooled SMTP connections would otherwise keep the process alive. */
  onModuleDestroy(): void {
    this.close();
  }
}
