import { sha256 } from "./tokens.ts";

/** How long a user session (and its cookie) lasts. */
export const SESSION_DAYS = 14;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The session cookie names its tenant, so the lookup runs inside that tenant's scope. */
export function parseSessionCookie(cookie: string | undefined): { tenantId: string; hash: string } | null {
  if (!cookie) return null;
  const dot = cookie.indexOf(".");
  const tenantId = cookie.slice(0, dot);
  const secret = cookie.slice(dot + 1);
  if (dot < 0 || !UUID.test(tenantId) || secret.length < 20 || secret.length > 100) return null;
  return { tenantId, hash: sha256(secret) };
}
