import { TICKET_PERMISSIONS } from "@uslimato/domain";

/**
 * The Public API scopes with what they allow, for the checkboxes. The names are the server's
 * (libs/server/public-api/src/scopes.ts); the server refuses any other and names it.
 */
export const SCOPES = [
  { value: "tickets:read", description: "List and read tickets and their comments" },
  { value: "tickets:write", description: "Create tickets, change them, comment" },
  { value: "assets:read", description: "Read assets" },
] as const;

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
