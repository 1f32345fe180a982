import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { useCurrentSession } from "../../auth/SessionContext.ts";
import { DataTable } from "../../ui/DataTable.tsx";
import { notifyError, notifySuccess } from "../../ui/notify.ts";
import { useRefreshDirectory } from "../queries.ts";
import type { User } from "../types.ts";

function ActiveToggle({ user, isSelf }: { user: User; isSelf: boolean }) {
  const refresh = useRefreshDirectory();
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.patch<User>(`/api/users/${user.id}`, { active }),
    onSuccess: (_user, active) =>
      notifySuccess(`${user.name} was ${active ? "reactivated" : "deactivated"}.`),
    onError: (error) => notifyError(error, `Could not update ${user.name}`),
    onSettled: refresh,
  });
  if (isSelf) {
    return (
      <Text size="sm" c="dimmed">
        This is you
      </Text>
    );
  }
  const action = user.active ? "Deactivate" : "Reactivate";
  return (
    <Button
      size="xs"
      variant="light"
      color={user.active ? "red" : undefined}
      loading={setActive.isPending}
      onClick={() => setActive.mutate(!user.active)}
      aria-label={`${action} ${user.name}`}
    >
      {action}
    </Button>
  );
}

export function UsersTable({ users }: { users: User[] }) {
  const session = useCurrentSession();
  return (
    <DataTable columns={["Email", "Name", "Groups", "Status"]} actions minWidth={720} highlightOnHover>
      {users.map((user) => (
        <Table.Tr key={user.id}>
          <Table.Td>{user.email}</Table.Td>
          <Table.Td>{user.name}</Table.Td>
          <Table.Td>
            {user.groups.length > 0 ? (
              <Group gap={6}>
                {user.groups.map((group) => (
                  <Badge key={group.id} variant="light" color="gray" tt="none">
                    {group.name}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                No groups
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Badge variant="dot" color={user.active ? "green" : "gray"} tt="none">
              {user.active ? "Active" : "Deactivated"}
            </Badge>
          </Table.Td>
          <Table.Td ta="right">
            <ActiveToggle user={user} isSelf={user.id === session.user.id} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
