import { Button, Group as Row, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { AppModal } from "../../ui/Dialogs.tsx";
import type { Group } from "../types.ts";

interface DeleteGroupModalProps {
  group: Group;
  opened: boolean;
  onClose: () => void;
  mutation: UseMutationResult<void, Error, void>;
}

function consequence(members: number): string {
  if (members === 0) return "The group has no members.";
  if (members === 1) return "Its member loses the permissions this group grants.";
  return `Its ${members} members lose the permissions this group grants.`;
}

export function DeleteGroupModal({ group, opened, onClose, mutation }: DeleteGroupModalProps) {
  return (
    <AppModal opened={opened} onClose={onClose} title={`Delete ${group.name}?`} centered>
      <Stack gap="md">
        <Text size="sm">{consequence(group.members.length)} This cannot be undone.</Text>
        <Row justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => mutation.mutate(undefined, { onSuccess: onClose })}
          >
            Delete group
          </Button>
        </Row>
      </Stack>
    </AppModal>
  );
}
