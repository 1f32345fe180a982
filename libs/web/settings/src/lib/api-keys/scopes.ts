import { API_SCOPES, type ApiScope, TICKET_PERMISSIONS } from "@uslimato/domain";

const SCOPE_WORDS: Record<ApiScope, string> = {
  "tickets:read": "List and read tickets and their comments",
  "tickets:write": "Create tickets, change them, comment",
  "assets:read": "Read assets",
};

/** The Public API scopes (@uslimato/domain's list, as the server checks it) with what they allow. */
export const SCOPES = API_SCOPES.map((value) => ({ value, description: SCOPE_WORDS[value] }));

/** What the chosen owner may do with tickets, in words: a key never does more than its owner. */
export function ownerSummary(name: string, permissions: readonly string[]): string {
  const held = TICKET_PERMISSIONS.filter((p) => permissions.includes(p));
  if (held.length === 0) {
    return `${name} holds no ticket permissions: a ticket key acting as them sees only tickets they reported and changes none.`;
  }
  if (!held.includes("tickets:manage"))
    return `${name} holds ${held.join(", ")}: the key sees only tickets they reported.`;
  return `${name} is an agent (${held.join(", ")}): the key works for the service desk within these permissions.`;
}
