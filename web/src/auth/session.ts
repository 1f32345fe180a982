import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { fetchSession, replaceSession } from "../api/session.ts";
import type { Session } from "./types.ts";

export const sessionKey = ["session"] as const;

/**
 * The signed-in user's session, or null when nobody is signed in (a 401 for a session we held is asked
 * once more before the user is sent to the sign-in page).
 */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => fetchSession<Session>("tenant", "/api/session"),
    staleTime: 30_000,
  });
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
    onSuccess: (session) =>
      replaceSession(queryClient, "tenant", sessionKey, session, {
        predicate: (q) => q.queryKey[0] !== "operator",
      }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/sign-out"),
    onSettled: () =>
      replaceSession(queryClient, "tenant", sessionKey, null, {
        predicate: (q) => q.queryKey[0] !== "operator" && q.queryKey[0] !== "session",
      }),
  });
}
