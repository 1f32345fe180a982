import { Button, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { EmptyList } from "../../ui/EmptyList.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryList } from "../../ui/QueryStatus.tsx";
import { useUsers } from "../queries.ts";
import { NewUserModal } from "./NewUserModal.tsx";
import { UsersTable } from "./UsersTable.tsx";

export function UsersPage() {
  const users = useUsers();
  const [creating, { open, close }] = useDisclosure(false);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Users"
        description="People who can sign in to this workspace. Their groups decide what they may do."
        actions={<Button onClick={open}>New user</Button>}
      />
      <QueryList
        query={users}
        label="users"
        empty={<EmptyList title="No users yet" description="Create the first user with “New user”." />}
      >
        {(list) => <UsersTable users={list} />}
      </QueryList>
      <NewUserModal opened={creating} onClose={close} />
    </Stack>
  );
}
