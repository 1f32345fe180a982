import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { fetchSession, replaceSession } from "../api/session.ts";
import { useRefresh } from "../queryClient.ts";
import type { OperatorSession, QuotaAlert, Tenant } from "./types.ts";

export const operatorKeys = {
  all: ["operator"] as const,
  session: ["operator", "session"] as const,
  tenants: ["operator", "tenants"] as const,
  alerts: ["operator", "alerts"] as const,
};

/** The operator's session, or null; like the user session, a held session is asked twice before giving up. */
export function useOperatorSession() {
  return useQuery({
    queryKey: operatorKeys.session,
    queryFn: () => fetchSession<OperatorSession>("operator", "/api/operator/session"),
    staleTime: 30_000,
  });
}

export function useOperatorSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api.post<OperatorSession>("/api/operator/sign-in", input),
    onSuccess: (session) =>
      replaceSession(queryClient, "operator", operatorKeys.session, session, { queryKey: operatorKeys.all }),
  });
}

export function useOperatorSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/operator/sign-out"),
    onSettled: () =>
      replaceSession(queryClient, "operator", operatorKeys.session, null, { queryKey: operatorKeys.all }),
  });
}

export function useTenants() {
  return useQuery({
    queryKey: operatorKeys.tenants,
    queryFn: () => api.get<Tenant[]>("/api/operator/tenants"),
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: operatorKeys.alerts,
    queryFn: () => api.get<QuotaAlert[]>("/api/operator/alerts"),
  });
}

export function useRefreshConsole() {
  return useRefresh(operatorKeys.tenants, operatorKeys.alerts);
}
