import { Text } from "@mantine/core";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { useSignOut } from "../auth/session.ts";
import { AccountMenu } from "../ui/AccountMenu.tsx";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** The signed-in user's name, opening a menu with their details and "Sign out". */
export function UserMenu() {
  const { user, tenant } = useCurrentSession();
  const signOut = useSignOut();
  return (
    <AccountMenu
      name={user.name}
      avatar={initials(user.name)}
      avatarColor="blue"
      maxNameWidth={180}
      label={
        <>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {tenant.name}
          </Text>
        </>
      }
      signOut={signOut}
      signInPath="/sign-in"
    />
  );
}
