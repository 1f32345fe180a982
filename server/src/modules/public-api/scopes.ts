import type { Permission } from "../access/permissions.ts";

/**
 * API key scopes and how they meet the owner's permissions (pure; docs/public-api.md explains it).
 *
 * A key acts as its owner. A route first needs its scope (else 403 naming the scope); then the ticket
 * services see the owner's *current* permissions, cut down to those the key's scopes can use. So a key
 * never does more than its owner may do right now, nor more than its scopes allow:
 *  - `tickets:read`  lets the GET routes use `tickets:manage` for *visibility* only: an agent owner's
 *    key sees every ticket of the tenant and internal comments (the service desk's view); a non-agent
 *    owner's key sees only the tickets that owner reported, and their external comments.
 *  - `tickets:write` lets POST/PATCH use the owner's `tickets:create`, `tickets:manage`, `tickets:close`
 *    through the same state machine and permission table as the web app.
 */
export const API_SCOPES = ["tickets:read", "tickets:write", "assets:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** The owner permissions each scope may put to use. */
export const SCOPE_PERMISSIONS: Readonly<Record<ApiScope, readonly Permission[]>> = {
  "tickets:read": ["tickets:manage"],
  "tickets:write": ["tickets:create", "tickets:manage", "tickets:close"],
  "assets:read": ["assets:read"],
};

/** What a request made with this key may do: owner's permissions ∩ what the scopes can use. */
export function keyPermissions(
  scopes: readonly string[],
  ownerPermissions: ReadonlySet<string>,
): Set<string> {
  const usable = new Set<string>();
  for (const scope of scopes) {
    if (!isApiScope(scope)) continue;
    for (const p of SCOPE_PERMISSIONS[scope]) if (ownerPermissions.has(p)) usable.add(p);
  }
  return usable;
}

/**
 * Plain-words notes on what a key with these scopes can do given its owner's permissions: shown when
 * the key is created (CLI, Settings → API keys) and in the key list, so a key that would be refused
 * everything does not come as a surprise.
 */
export function scopeNotes(scopes: readonly string[], ownerPermissions: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  const has = (p: string) => ownerPermissions.has(p);
  if (scopes.includes("tickets:read") && !has("tickets:manage")) {
    notes.push(
      "The owner is not an agent (tickets:manage): the key sees only tickets the owner reported, without internal comments.",
    );
  }
  if (scopes.includes("tickets:write")) {
    const missing = (["tickets:create", "tickets:manage", "tickets:close"] as const).filter((p) => !has(p));
    if (missing.length === 3) {
      notes.push(
        'The owner holds none of the ticket permissions: the key cannot create or change tickets until the owner is in a group such as "ITSM Agent".',
      );
    } else if (missing.length > 0) {
      notes.push(`The owner lacks ${missing.join(" and ")}: the key cannot do what needs it.`);
    }
  }
  if (scopes.includes("assets:read") && !has("assets:read")) {
    notes.push("The owner lacks assets:read: the key cannot read assets.");
  }
  return notes;
}
