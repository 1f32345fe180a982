import { API_SCOPES, type ApiScope, isApiScope, SCOPE_PERMISSIONS } from "@uslimato/domain";

export { API_SCOPES, type ApiScope, isApiScope, SCOPE_PERMISSIONS };

/*
 * API key scopes and what they let a key do (pure; docs/public-api.md explains it).
 *
 * Public API keys act for the tenant's service desk (product.md §2): the key's scopes, not its owner's
 * groups, decide what it may do, and they map onto the same permissions — and so the same state machine
 * and permission table — as a person in the web app:
 *  - `tickets:read`  → the GET routes, with the service desk's view: every ticket of the tenant and
 *    internal comments, each marked with its visibility;
 *  - `tickets:write` → POST/PATCH as an agent that may also close: tickets:create, tickets:manage,
 *    tickets:close.
 * The owner is the accountable person: the default reporter, the actor in the history of every change
 * the key makes, and a deactivated owner's key stops working. A key is not a user, so it takes no
 * agent seat; creating keys needs settings:manage. The scope list and its permissions are
 * @uslimato/domain's (the web app offers the same list).
 */

/** What a request made with a key of these scopes may do. Unknown scopes give nothing. */
export function keyPermissions(scopes: readonly string[]): Set<string> {
  const usable = new Set<string>();
  for (const scope of scopes) {
    if (isApiScope(scope)) for (const p of SCOPE_PERMISSIONS[scope]) usable.add(p);
  }
  return usable;
}

const SCOPE_NOTES: Readonly<Record<ApiScope, string>> = {
  "tickets:read":
    "Reads every ticket of the workspace, internal notes included (each marked internal or external).",
  "tickets:write":
    "Creates, assigns, comments on and changes the status of any ticket, as an agent who may also close.",
  "assets:read": "Reads the assets of the workspace (GET /public/v1/assets).",
};

/** Plain-words notes on what a key with these scopes can do: shown when it is created and in the list. */
export function scopeNotes(scopes: readonly string[]): string[] {
  return API_SCOPES.filter((s) => scopes.includes(s)).map((s) => SCOPE_NOTES[s]);
}
