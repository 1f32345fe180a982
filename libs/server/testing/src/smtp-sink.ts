// An SMTP server for tests and benchmarks (the one sink: the notification worker's tests, the emails
// library's transport spec, the container deployment test, bench/notifications.ts). Erasable TypeScript
// only and no path aliases: bench/ imports this file directly under node's type stripping.
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** The first address of the To header. */
  to: string;
  /** Every recipient of the SMTP envelope (RCPT TO), accepted ones only. */
  envelopeTo: string[];
  from: { address: string; name: string }[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface SmtpSinkOptions {
  /** Refuse a recipient (RCPT TO) with a 550 when this returns true. */
  reject?: (address: string) => boolean;
  /**
   * false: do not parse messages (mailparser); `received` stays empty, only `count`, `lastAcceptedAt` and
   * `onAccept` report them. For benchmarks, where parsing would weigh on what is measured.
   */
  parse?: boolean;
  /** Called as each message is accepted: its first 4 KiB of raw text, and performance.now(). */
  onAccept?: (head: string, at: number) => void;
}

const HEAD_BYTES = 4096;

/**
 * A real SMTP server (smtp-server) that parses what it receives (mailparser). `stop()` closes it (an SMTP
 * outage), `start()` opens it again on the same port. `reject` refuses recipients with a 550.
 *
 * smtp-server emits its client connections' socket errors (ECONNRESET from a sender killed mid-conversation)
 * on the server object: the sink listens for them, or they would fail the test run (docs/traps.md).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Messages accepted (parsed or not). */
  count = 0;
  /** performance.now() when the last message was accepted (0: none yet). */
  lastAcceptedAt = 0;
  port = 0;
  private server: SMTPServer | null = null;
  private readonly reject: (address: string) => boolean;
  private readonly parse: boolean;
  private readonly onAccept: ((head: string, at: number) => void) | undefined;

  /** `new SmtpSink(reject)` or `new SmtpSink({ reject, parse, onAccept })`. */
  constructor(options: SmtpSinkOptions | ((address: string) => boolean) = {}) {
    const o = typeof options === "function" ? { reject: options } : options;
    this.reject = o.reject ?? (() => false);
    this.parse = o.parse ?? true;
    this.onAccept = o.onAccept;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (address, _session, cb) => {
        if (this.reject(address.address)) {
          const err = Object.assign(new Error("No such user here"), { responseCode: 550 });
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on("data", (chunk: Buffer) => {
          if (this.parse || size < HEAD_BYTES) {
            chunks.push(chunk);
            size += chunk.length;
          }
        });
        stream.on("error", cb);
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          const accepted = () => {
            const at = performance.now();
            this.count++;
            this.lastAcceptedAt = at;
            this.onAccept?.(raw.subarray(0, HEAD_BYTES).toString("latin1"), at);
            cb();
          };
          if (!this.parse) return accepted();
          simpleParser(raw)
            .then((parsed) => {
              const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
              this.received.push({
                to: to?.value[0]?.address ?? "",
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                from: (parsed.from?.value ?? []).map((a) => ({ address: a.address ?? "", name: a.name })),
                subject: parsed.subject ?? "",
                text: parsed.text ?? "",
                html: typeof parsed.html === "string" ? parsed.html : "",
                messageId: parsed.messageId ?? "",
              });
              accepted();
            })
            .catch(cb);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    server.on("error", () => {});
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string) {
    return this.received.filter((m) => m.to === address);
  }
}
