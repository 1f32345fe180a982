import { Badge, Button, Paper, Group as Row, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import type { Group, Permission, User } from "../types.ts";
import { DeleteGroupModal } from "./DeleteGroupModal.tsx";
import { GroupMembers } from "./GroupMembers.tsx";
import { useGroupMutations } from "./mutations.ts";
import { PermissionChecklist } from "./PermissionChecklist.tsx";
import { RenameGroupModal } from "./RenameGroupModal.tsx";

const SYSTEM_NOTES: Record<string, string> = {
  administrators: "Created with the workspace. It cannot be renamed or deleted.",
  itsm_agent: "Created with the ITSM license: the service desk agents. It cannot be renamed or deleted.",
};

interface GroupCardProps {
  group: Group;
  catalogue: Permission[];
  users: User[];
  itsmNote?: string;
}

export function GroupCard({ group, catalogue, users, itsmNote }: GroupCardProps) {
  const headingId = useId();
  const mutations = useGroupMutations(group);
  const [renaming, rename] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const system = group.systemKey !== null;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg">
      <Stack gap="lg">
        <Row justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Row gap="sm">
              <Title order={2} fz="h3" id={headingId}>
                {group.name}
              </Title>
              {system ? (
                <Badge variant="light" color="grape">
                  System
                </Badge>
              ) : null}
            </Row>
            <Text size="sm" c="dimmed">
              {group.members.length === 1 ? "1 member" : `${group.members.length} members`} ·{" "}
              {group.permissions.length === 1 ? "1 permission" : `${group.permissions.length} permissions`}
              {system && group.systemKey ? ` · ${SYSTEM_NOTES[group.systemKey] ?? ""}` : ""}
            </Text>
          </Stack>
          {system ? null : (
            <Row gap="xs">
              <Button size="xs" variant="default" onClick={rename.open} aria-label={`Rename ${group.name}`}>
                Rename
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={del.open}
                aria-label={`Delete ${group.name}`}
              >
                Delete
              </Button>
            </Row>
          )}
        </Row>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Stack gap="sm">
            <Title order={3} fz="h5">
              Permissions
            </Title>
            <PermissionChecklist
              catalogue={catalogue}
              value={group.permissions}
              onChange={(next) => mutations.setPermissions.mutate(next)}
              itsmNote={itsmNote}
            />
          </Stack>
          <Stack gap="sm">
            <Title order={3} fz="h5">
              Members
            </Title>
            <GroupMembers group={group} users={users} mutations={mutations} />
          </Stack>
        </SimpleGrid>
      </Stack>
      <RenameGroupModal group={group} opened={renaming} onClose={rename.close} mutation={mutations.rename} />
      <DeleteGroupModal group={group} opened={deleting} onClose={del.close} mutation={mutations.remove} />
    </Paper>
  );
}
