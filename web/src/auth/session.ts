import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, hasCsrfToken, setCsrfToken } from "../api/client.ts";
import { isApiError } from "../api/errors.ts";
import type { Session } from "./types.ts";

export const sessionKey = ["session"] as const;

/**
 * The signed-in user's session, or null when nobody is signed in. A 401 for a session we held is asked
 * once more before the user is sent to the sign-in page, so one failed lookup does not sign them out.
 */
async function fetchSession(): Promise<Session | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const session = await api.get<Session>("/api/session");
      setCsrfToken("tenant", session.csrfToken);
      return session;
    } catch (error) {
      if (!isApiError(error, 401)) throw error;
      if (attempt === 0 && hasCsrfToken("tenant")) continue;
      setCsrfToken("tenant", null);
      return null;
    }
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 30_000 });
}

export interface SignInInput {
  email: string;
  password: string;
  tenant?: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<Session>("/api/auth/sign-in", input),
    onSuccess: (session) => {
      setCsrfToken("tenant", session.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "operator" });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/sign-out"),
    onSettled: () => {
      setCsrfToken("tenant", null);
      queryClient.removeQueries({
        predicate: (q) => q.queryKey[0] !== "operator" && q.queryKey[0] !== "session",
      });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
