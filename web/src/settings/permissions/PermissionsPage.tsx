import { Button, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useCurrentSession } from "../../auth/SessionContext.ts";
import { EmptyList } from "../../ui/EmptyList.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryStatus.tsx";
import { useGroups, usePermissionCatalogue, useUsers } from "../queries.ts";
import type { Group } from "../types.ts";
import { GroupCard } from "./GroupCard.tsx";
import { NewGroupModal } from "./NewGroupModal.tsx";

const SYSTEM_ORDER: Record<string, number> = { administrators: 0, itsm_agent: 1 };

function byImportance(a: Group, b: Group): number {
  const rank = (g: Group) => (g.systemKey ? (SYSTEM_ORDER[g.systemKey] ?? 2) : 3);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

export function PermissionsPage() {
  const session = useCurrentSession();
  const groups = useGroups();
  const catalogue = usePermissionCatalogue();
  const users = useUsers();
  const [creating, { open, close }] = useDisclosure(false);
  const itsmNote = session.itsmLicensed
    ? undefined
    : "The ITSM add-on is not active for this workspace. These permissions take effect once it is.";

  const failed = groups.error ?? catalogue.error ?? users.error;
  const retry = () => {
    void groups.refetch();
    void catalogue.refetch();
    void users.refetch();
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Permissions"
        description="Groups grant permissions to their members. A member's permissions are those of all their groups."
        actions={
          <Button onClick={open} disabled={!catalogue.data}>
            New group
          </Button>
        }
      />
      {groups.data && catalogue.data && users.data ? (
        groups.data.length > 0 ? (
          [...groups.data]
            .sort(byImportance)
            .map((group) => (
              <GroupCard
                key={group.id}
                group={group}
                catalogue={catalogue.data}
                users={users.data}
                itsmNote={itsmNote}
              />
            ))
        ) : (
          <EmptyList title="No groups yet" description="Create a group with “New group”." />
        )
      ) : (
        <QueryStatus error={failed} onRetry={retry} label="groups" />
      )}
      {catalogue.data ? (
        <NewGroupModal opened={creating} onClose={close} catalogue={catalogue.data} itsmNote={itsmNote} />
      ) : null}
    </Stack>
  );
}
