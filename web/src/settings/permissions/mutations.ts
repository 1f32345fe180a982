import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { notifyError } from "../../ui/notify.ts";
import { settingsKeys, useRefreshDirectory } from "../queries.ts";
import type { Group } from "../types.ts";

/**
 * Mutations on one group. Every outcome re-reads groups, users and the own session, so that a refused
 * change (e.g. the agent quota) leaves the screen showing the server's true state.
 */
export function useGroupMutations(group: Group) {
  const queryClient = useQueryClient();
  const refresh = useRefreshDirectory();
  const base = `/api/groups/${group.id}`;
  const onError = (title: string) => (error: Error) => notifyError(error, title);

  const setPermissions = useMutation({
    mutationFn: (permissions: string[]) => api.patch<Group>(base, { permissions }),
    onMutate: async (permissions) => {
      await queryClient.cancelQueries({ queryKey: settingsKeys.groups });
      queryClient.setQueryData<Group[]>(settingsKeys.groups, (groups) =>
        groups?.map((g) => (g.id === group.id ? { ...g, permissions } : g)),
      );
    },
    onError: onError(`Could not change the permissions of ${group.name}`),
    onSettled: refresh,
  });

  const addMember = useMutation({
    mutationFn: (userId: string) => api.put<Group>(`${base}/members/${userId}`),
    onError: onError(`Could not add the member to ${group.name}`),
    onSettled: refresh,
  });

  const removeMember = useMutation({
    mutationFn: (userId: string) => api.delete<Group>(`${base}/members/${userId}`),
    onError: onError(`Could not remove the member from ${group.name}`),
    onSettled: refresh,
  });

  const rename = useMutation({
    mutationFn: (name: string) => api.patch<Group>(base, { name }),
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: () => api.delete(base),
    onError: onError(`Could not delete ${group.name}`),
    onSettled: refresh,
  });

  return { setPermissions, addMember, removeMember, rename, remove };
}
