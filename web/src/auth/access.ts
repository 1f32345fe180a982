import type { Session } from "./types.ts";

/** What a session may use. The server enforces all of this; the UI only hides what would be refused. */
export function can(session: Session, permission: string): boolean {
  return session.permissions.includes(permission);
}

export const access = {
  assets: (s: Session) => can(s, "assets:read") || can(s, "assets:manage"),
  tickets: (s: Session) => can(s, "tickets:manage") && s.features.agent_portal === true,
  desk: (s: Session) => can(s, "tickets:create") && s.features.end_user_portal === true,
  settings: (s: Session) => can(s, "users:manage") || can(s, "settings:manage"),
  users: (s: Session) => can(s, "users:manage"),
};

export type Area = keyof typeof access;

/** Where a user lands after signing in (and on "/"). */
export function homePath(session: Session): string {
  if (access.tickets(session)) return "/tickets";
  if (access.desk(session)) return "/desk";
  return "/assets";
}
