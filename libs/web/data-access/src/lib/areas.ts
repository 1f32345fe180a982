import type { Permission } from "@uslimato/domain";
import type { Session } from "./session.store.ts";

const has = (s: Session, p: Permission) => s.permissions.includes(p);

/**
 * Which areas of the app a session may use: the same permissions and flags the server's routes declare
 * (permission names and flags come from @uslimato/domain through the session). The server still decides.
 */
export const AREAS = {
  assets: (s: Session) => has(s, "assets:read") || has(s, "assets:manage"),
  tickets: (s: Session) => has(s, "tickets:manage") && s.features.agent_portal === true,
  desk: (s: Session) => has(s, "tickets:create") && s.features.end_user_portal === true,
  settings: (s: Session) => has(s, "users:manage") || has(s, "settings:manage"),
} as const;

export type Area = keyof typeof AREAS;

/** Where a user lands after signing in (and on "/"). */
export function homePath(session: Session): string {
  if (AREAS.tickets(session)) return "/tickets";
  if (AREAS.desk(session)) return "/desk";
  return "/assets";
}
