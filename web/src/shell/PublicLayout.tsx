import { AppShell, Center, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { Outlet } from "react-router";
import { Brand } from "../ui/Brand.tsx";

/** Frame for pages shown without a session: sign-in pages and "Not found" for signed-out visitors. */
export function PublicLayout({ children, home = "/" }: { children?: ReactNode; home?: string }) {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md">
          <Brand to={home} />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Center mih="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
          <Container size={420} w="100%" py="xl">
            {children ?? <Outlet />}
          </Container>
        </Center>
      </AppShell.Main>
    </AppShell>
  );
}
