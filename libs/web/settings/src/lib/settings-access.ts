import { inject } from "@angular/core";
import type { CanMatchFn } from "@angular/router";
import { SessionStore } from "@uslimato/web-data-access";

/**
 * Which settings pages a session may open: the same permissions and flags the server's routes declare
 * (the server still decides; this only hides what it would refuse).
 */
export const SETTINGS_PAGES = [
  { path: "users", label: "Users", allowed: (s: SessionStore) => s.can("users:manage") },
  { path: "permissions", label: "Permissions", allowed: (s: SessionStore) => s.can("users:manage") },
  {
    path: "itsm",
    label: "ITSM",
    allowed: (s: SessionStore) => s.session()?.itsmLicensed === true && s.can("settings:manage"),
  },
  {
    path: "itsm/email-templates",
    label: "Email templates",
    allowed: (s: SessionStore) => s.flagOn("email_templates") && s.can("settings:manage"),
  },
  { path: "api-keys", label: "API keys", allowed: (s: SessionStore) => s.can("settings:manage") },
] as const;

export type SettingsPagePath = (typeof SETTINGS_PAGES)[number]["path"];

/** A route guard: the page exists for this session, or the router goes on to "Not found". */
export function settingsPage(path: SettingsPagePath): CanMatchFn {
  return () => {
    const session = inject(SessionStore);
    return SETTINGS_PAGES.find((p) => p.path === path)?.allowed(session) === true;
  };
}
