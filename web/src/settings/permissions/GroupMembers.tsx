import { Button, NativeSelect, Group as Row, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import type { Group, User } from "../types.ts";
import type { useGroupMutations } from "./mutations.ts";

interface GroupMembersProps {
  group: Group;
  users: User[];
  mutations: ReturnType<typeof useGroupMutations>;
}

/** Members of a group, each removable, and a picker to add a user. */
export function GroupMembers({ group, users, mutations }: GroupMembersProps) {
  const [candidate, setCandidate] = useState("");
  const memberIds = new Set(group.members.map((m) => m.id));
  const candidates = users
    .filter((u) => u.active && !memberIds.has(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));

  const add = () => {
    if (!candidate) return;
    mutations.addMember.mutate(candidate, { onSettled: () => setCandidate("") });
  };

  return (
    <Stack gap="sm">
      {group.members.length > 0 ? (
        <Table verticalSpacing={6} withRowBorders>
          <Table.Tbody>
            {group.members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {member.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${member.name} from ${group.name}`}
                    loading={
                      mutations.removeMember.isPending && mutations.removeMember.variables === member.id
                    }
                    onClick={() => mutations.removeMember.mutate(member.id)}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          No members yet.
        </Text>
      )}
      <Row align="flex-end" gap="sm" wrap="nowrap">
        <NativeSelect
          label="Add member"
          data={[
            {
              value: "",
              label: candidates.length > 0 ? "Choose a user…" : "Every active user is a member",
              disabled: true,
            },
            ...candidates,
          ]}
          value={candidate}
          onChange={(event) => setCandidate(event.currentTarget.value)}
          disabled={candidates.length === 0}
          style={{ flex: 1 }}
        />
        <Button onClick={add} disabled={!candidate} loading={mutations.addMember.isPending}>
          Add
        </Button>
      </Row>
    </Stack>
  );
}
