import { Avatar, Group, type MantineColor, Menu, Text, UnstyledButton } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { notifyError } from "./notify.ts";

interface AccountMenuProps {
  /** On the button, next to the avatar. */
  name: string;
  avatar: string;
  avatarColor: MantineColor;
  /** How wide the name may grow on the button before it is cut. */
  maxNameWidth: number;
  /** The menu's label: who is signed in. */
  label: ReactNode;
  signOut: UseMutationResult<void, Error, void>;
  /** Where signing out leads, also when the server could not be told. */
  signInPath: string;
}

/** The signed-in account at the top right, opening a menu with who it is and "Sign out". */
export function AccountMenu({
  name,
  avatar,
  avatarColor,
  maxNameWidth,
  label,
  signOut,
  signInPath,
}: AccountMenuProps) {
  const navigate = useNavigate();
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate(signInPath, { replace: true }),
      onError: (error) => {
        notifyError(error, "Could not sign out");
        navigate(signInPath, { replace: true });
      },
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton px="xs" py={4} style={{ borderRadius: 8 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={30} radius="xl" color={avatarColor} aria-hidden>
              {avatar}
            </Avatar>
            <Text size="sm" fw={500} truncate maw={maxNameWidth}>
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{label}</Menu.Label>
        <Menu.Divider />
        <Menu.Item color="red" onClick={onSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
