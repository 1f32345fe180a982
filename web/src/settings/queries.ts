import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { sessionKey } from "../auth/session.ts";
import { useRefresh } from "../queryClient.ts";
import type { Group, Permission, User } from "./types.ts";

export const settingsKeys = {
  users: ["users"] as const,
  groups: ["groups"] as const,
  permissions: ["permissions"] as const,
};

export function useUsers() {
  return useQuery({ queryKey: settingsKeys.users, queryFn: () => api.get<User[]>("/api/users") });
}

export function useGroups() {
  return useQuery({ queryKey: settingsKeys.groups, queryFn: () => api.get<Group[]>("/api/groups") });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: settingsKeys.permissions,
    queryFn: () => api.get<Permission[]>("/api/permissions"),
    staleTime: 5 * 60_000,
  });
}

/**
 * Re-reads everything that users, groups and memberships affect — including the own session, whose
 * permissions (and so the navigation) may have just changed.
 */
export function useRefreshDirectory() {
  return useRefresh(settingsKeys.users, settingsKeys.groups, sessionKey);
}
