/** The named permissions. The database table `permissions` holds the same catalogue. */
export const PLATFORM_PERMISSIONS = [
  "assets:read",
  "assets:manage",
  "users:manage",
  "settings:manage",
] as const;
export const TICKET_PERMISSIONS = ["tickets:create", "tickets:manage", "tickets:close"] as const;
export const ALL_PERMISSIONS = [...PLATFORM_PERMISSIONS, ...TICKET_PERMISSIONS] as const;
export type Permission = (typeof ALL_PERMISSIONS)[number];

export function isPermission(name: string): name is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(name);
}

/** The system groups every tenant has (Administrators) or gets on ITSM activation (ITSM Agent). */
export const SYSTEM_GROUPS = {
  administrators: { name: "Administrators", permissions: PLATFORM_PERMISSIONS },
  itsm_agent: { name: "ITSM Agent", permissions: TICKET_PERMISSIONS },
} as const;
export type SystemGroupKey = keyof typeof SYSTEM_GROUPS;

/** What a request may do: the union of the permissions of the user's groups. */
export function hasAll(granted: ReadonlySet<string>, required: readonly Permission[]): boolean {
  return required.every((p) => granted.has(p));
}

/**
 * Who may read a ticket (its title, text, comments): agents (`tickets:manage`) read every ticket of their
 * tenant; anyone else only the tickets they reported. Every place that shows tickets — the queue, the
 * desk, an asset's "Tickets" tab — goes by this rule.
 */
export const readsEveryTicket = (granted: ReadonlySet<string>): boolean => granted.has("tickets:manage");

export function mayReadTicket(
  granted: ReadonlySet<string>,
  viewerId: string,
  reporterId: string | null,
): boolean {
  return readsEveryTicket(granted) || (reporterId !== null && reporterId === viewerId);
}
