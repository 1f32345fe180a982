import { createHmac, timingSafeEqual } from "node:crypto";

/** What a ticket.resolved mail lets its reporter do without signing in (product.md §2). */
export type TicketAction = "confirm" | "reject";

export interface ActionLinkClaims {
  tenantId: string;
  ticketId: string;
  action: TicketAction;
  expiresAt: Date;
}

/** How long a confirm/reject link works, counted from the resolution. */
export const ACTION_LINK_DAYS = 14;

/** Where the links point (outside /api: a page for people, see ActionLinksController). */
export const ACTION_LINK_PATH = "/ticket-actions";

const ACTIONS: readonly TicketAction[] = ["confirm", "reject"];
// base64url of the 37-byte claims, ".", base64url of the 32-byte HMAC: 94 characters, short enough
// for a URL path segment (Fastify's parameter limit is 100) and for a text mail's line.
const TOKEN = /^([A-Za-z0-9_-]{50})\.([A-Za-z0-9_-]{43})$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidBytes(uuid: string): Buffer {
  if (!UUID.test(uuid)) throw new Error(`signActionLink: "${uuid}" is not a UUID`);
  return Buffer.from(uuid.replaceAll("-", ""), "hex");
}
const uuidText = (bytes: Buffer) =>
  bytes.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

/** tenant id (16 bytes), ticket id (16), action (1), expiry in unix seconds (4, big-endian). */
function encodeClaims(claims: ActionLinkClaims): Buffer {
  const out = Buffer.alloc(37);
  uuidBytes(claims.tenantId).copy(out, 0);
  uuidBytes(claims.ticketId).copy(out, 16);
  out.writeUInt8(ACTIONS.indexOf(claims.action), 32);
  out.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 33);
  return out;
}

// The MAC covers a purpose and version label too, so it can never be mistaken for another use of the
// same secret.
const mac = (secret: string, claims: Buffer) =>
  createHmac("sha256", secret).update("uslimato.ticket-action.v1.").update(claims).digest("base64url");

/**
 * A link token: the claims and their HMAC-SHA256, both base64url. It holds nothing secret (ids and a
 * date); only the MAC makes it valid.
 */
export function signActionLink(claims: ActionLinkClaims, secret: string): string {
  if (!secret) throw new Error("signActionLink needs a secret");
  const payload = encodeClaims(claims);
  return `${payload.toString("base64url")}.${mac(secret, payload)}`;
}

export type VerifiedActionLink =
  | { ok: true; claims: ActionLinkClaims }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

/** Check a token's form, then its MAC (compared in constant time), then its expiry. */
export function verifyActionLink(token: string, secret: string, now = new Date()): VerifiedActionLink {
  const m = TOKEN.exec(token);
  if (!m || !secret) return { ok: false, reason: "malformed" };
  const [, payloadText, sigText] = m as unknown as [string, string, string];
  const payload = Buffer.from(payloadText, "base64url");
  // Only the canonical spelling: base64url decoding ignores the last character's spare bits.
  if (payload.length !== 37 || payload.toString("base64url") !== payloadText) {
    return { ok: false, reason: "malformed" };
  }
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(sigText);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "forged" };
  }
  const action = ACTIONS[payload.readUInt8(32)];
  if (!action) return { ok: false, reason: "malformed" };
  const expiresAt = new Date(payload.readUInt32BE(33) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const claims = {
    tenantId: uuidText(payload.subarray(0, 16)),
    ticketId: uuidText(payload.subarray(16, 32)),
    action,
    expiresAt,
  };
  return { ok: true, claims };
}

/** The link as it appears in the mail. */
export function actionLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${ACTION_LINK_PATH}/${token}`;
}

/** The confirm and reject links of a resolution, valid for ACTION_LINK_DAYS after it. */
export function resolutionLinks(
  ticket: { tenantId: string; ticketId: string },
  resolvedAt: Date,
  links: { publicUrl: string; secret: string },
): { confirm_url: string; reject_url: string } {
  const expiresAt = new Date(resolvedAt.getTime() + ACTION_LINK_DAYS * 24 * 3600 * 1000);
  const url = (action: TicketAction) =>
    actionLinkUrl(links.publicUrl, signActionLink({ ...ticket, action, expiresAt }, links.secret));
  return { confirm_url: url("confirm"), reject_url: url("reject") };
}
