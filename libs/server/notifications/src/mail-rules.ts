import { createHash } from "node:crypto";

/** "YYYY-MM" in UTC: the quota's calendar month (product.md §2). */
export function quotaMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

// No whitespace, angle brackets, quotes, commas or semicolons anywhere (no second recipient, no header
// text), one @, a dotted domain.
const ADDRESS_RE = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\].]+(\.[^\s@<>()",;:\\[\].]+)+$/;

/** Whether the address can be handed to SMTP at all; anything else is recorded failed, not retried. */
export function isDeliverableAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS_RE.test(address);
}

/**
 * A send error that retrying cannot fix: the server refused the recipient or the message for good
 * (SMTP 5xx). Connection failures, time-outs and 4xx answers are transient: the job is retried.
 */
export function isPermanentSendError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

/**
 * The Message-ID of one delivery, the same on every attempt. SMTP cannot be exactly-once: a worker that
 * dies after the server's 250 and before the delivery is recorded as sent sends that mail again when
 * the job is retried. With the same Message-ID the second copy is the same message, which mail systems
 * collapse (and a reader's client threads as one). Derived from the delivery key (one per event and
 * recipient), hashed because the key may hold an address; the domain is PUBLIC_URL's host.
 */
export function deliveryMessageId(deliveryKey: string, publicUrl: string): string {
  let host = "localhost";
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // a sender domain is still needed
  }
  const digest = createHash("sha256").update(deliveryKey).digest("hex").slice(0, 32);
  return `<${digest}@${host}>`;
}
