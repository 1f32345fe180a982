import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useNavigate } from "react-router";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { useSignOut } from "../auth/session.ts";
import { notifyError } from "../ui/notify.ts";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** The signed-in user's name, opening a menu with their details and "Sign out". */
export function UserMenu() {
  const { user, tenant } = useCurrentSession();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate("/sign-in", { replace: true }),
      onError: (error) => {
        notifyError(error, "Could not sign out");
        navigate("/sign-in", { replace: true });
      },
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton px="xs" py={4} style={{ borderRadius: 8 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={30} radius="xl" color="blue" aria-hidden>
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} truncate maw={180}>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {tenant.name}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item color="red" onClick={onSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
