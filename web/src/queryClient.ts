import { MutationCache, QueryCache, QueryClient, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "./api/errors.ts";

/**
 * A 401 from any call means the session ended (expired, signed out elsewhere): re-read the session so
 * the guards send the user to the right sign-in page.
 */
function onUnauthenticated(client: () => QueryClient, key?: readonly unknown[]) {
  return (error: unknown) => {
    if (!isApiError(error, 401)) return;
    const operator = key?.[0] === "operator";
    if (key && (key[1] === "session" || key[0] === "session")) return;
    void client().invalidateQueries({ queryKey: operator ? ["operator", "session"] : ["session"] });
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => onUnauthenticated(() => client, query.queryKey)(error),
    }),
    mutationCache: new MutationCache({
      // A 401 (session ended) or a refused CSRF token (session renewed elsewhere): re-read the sessions,
      // which signs the user out or picks up the current token for the next attempt.
      onError: (error) => {
        const csrf = isApiError(error, 403) && error.type?.endsWith("/csrf-failed");
        if (!isApiError(error, 401) && !csrf) return;
        void client.invalidateQueries({ queryKey: ["session"] });
        void client.invalidateQueries({ queryKey: ["operator", "session"] });
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/** A function that re-reads the queries under each of `keys`, resolving once they are read. */
export function useRefresh(...keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
