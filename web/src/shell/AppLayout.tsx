import { AppShell, Burger, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Outlet } from "react-router";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { Brand } from "../ui/Brand.tsx";
import { MainNav } from "./MainNav.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** The signed-in frame: header with product, workspace and user menu; navigation; the page. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { tenant } = useCurrentSession();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
            />
            <Brand />
            <Text c="dimmed" size="sm" visibleFrom="sm" truncate maw={240}>
              {tenant.name}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>{children ?? <Outlet />}</AppShell.Main>
    </AppShell>
  );
}
