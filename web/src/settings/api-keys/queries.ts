import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { ApiKey, KeyOwner, UsageRow } from "./types.ts";

export const apiKeyKeys = {
  all: ["api-keys"] as const,
  owners: ["api-keys", "owners"] as const,
  usage: (days: number) => ["api-keys", "usage", days] as const,
};

export function useApiKeys(enabled: boolean) {
  return useQuery({ queryKey: apiKeyKeys.all, queryFn: () => api.get<ApiKey[]>("/api/api-keys"), enabled });
}

export function useKeyOwners(enabled: boolean) {
  return useQuery({
    queryKey: apiKeyKeys.owners,
    queryFn: () => api.get<KeyOwner[]>("/api/api-keys/owners"),
    enabled,
  });
}

export function useApiUsage(days: number) {
  return useQuery({
    queryKey: apiKeyKeys.usage(days),
    queryFn: () => api.get<UsageRow[]>(`/api/api-keys/usage?days=${days}`),
  });
}

/** Re-read keys and usage (after a create or a revoke). */
export function useRefreshApiKeys() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
}
