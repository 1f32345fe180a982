import type { QueryClient, QueryFilters, QueryKey } from "@tanstack/react-query";
import { api, hasCsrfToken, type Realm, setCsrfToken } from "./client.ts";
import { isApiError } from "./errors.ts";

/**
 * The session of a realm (tenant users or operators) from `path`, or null when nobody is signed in; keeps
 * the realm's CSRF token. A 401 for a session we held is asked once more before giving up, so one failed
 * lookup does not sign anyone out.
 */
export async function fetchSession<T extends { csrfToken: string }>(
  realm: Realm,
  path: string,
): Promise<T | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const session = await api.get<T>(path);
      setCsrfToken(realm, session.csrfToken);
      return session;
    } catch (error) {
      if (!isApiError(error, 401)) throw error;
      if (attempt === 0 && hasCsrfToken(realm)) continue;
      setCsrfToken(realm, null);
      return null;
    }
  }
}

/**
 * After signing in to or out of a realm: its CSRF token and cached session (under `key`) become
 * `session`'s (null: signed out), and the cached data that `stale` matches (the last account's) is dropped.
 */
export function replaceSession(
  queryClient: QueryClient,
  realm: Realm,
  key: QueryKey,
  session: { csrfToken: string } | null,
  stale: QueryFilters,
): void {
  setCsrfToken(realm, session?.csrfToken ?? null);
  queryClient.removeQueries(stale);
  queryClient.setQueryData(key, session);
}
