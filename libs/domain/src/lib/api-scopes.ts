import type { Permission } from "./permissions.ts";

/**
 * The Public API key scopes and the permissions each gives a request made with the key (the server
 * enforces them; the web app's "New API key" offers exactly these). docs/public-api.md explains them.
 */
export const API_SCOPES = ["tickets:read", "tickets:write", "assets:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** The permissions each scope gives a request made with the key. */
export const SCOPE_PERMISSIONS: Readonly<Record<ApiScope, readonly Permission[]>> = {
  "tickets:read": ["tickets:manage"],
  "tickets:write": ["tickets:create", "tickets:manage", "tickets:close"],
  "assets:read": ["assets:read"],
};
