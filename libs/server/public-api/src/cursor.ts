import crypto from "node:crypto";
import { invalidField } from "@uslimato/server-core";

/**
 * Public API cursors: the ticket queue's keyset cursor plus an HMAC over it, the tenant and the
 * filters it was given out for. A cursor that was edited, or reused with other filters or by another
 * tenant, is refused with 422 instead of silently paging somewhere else.
 */
export class CursorSigner {
  private readonly secret: string;
  constructor(secret: string) {
    this.secret = secret;
  }

  private mac(inner: string, context: string): string {
    return crypto
      .createHmac("sha256", this.secret)
      .update(`${context}\n${inner}`)
      .digest("base64url")
      .slice(0, 22);
  }

  sign(inner: string | null, context: string): string | null {
    return inner === null ? null : `${inner}.${this.mac(inner, context)}`;
  }

  /** The inner cursor, or a 422 naming the `cursor` parameter. */
  open(cursor: string, context: string): string {
    const dot = cursor.lastIndexOf(".");
    const inner = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1));
    const expected = Buffer.from(this.mac(inner, context));
    if (dot <= 0 || given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      throw invalidField(
        "cursor",
        "is not a cursor this API gave out for these filters. Start again without it, or keep the filters of the first page.",
      );
    }
    return inner;
  }
}

/** The filters a cursor is bound to, in a stable form. */
export function cursorContext(tenantId: string, filters: Record<string, unknown>): string {
  const keys = Object.keys(filters).sort();
  return JSON.stringify([tenantId, ...keys.map((k) => [k, filters[k] ?? null])]);
}
