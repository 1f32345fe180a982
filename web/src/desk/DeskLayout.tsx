import { Anchor, AppShell, Container, Group, Text, ThemeIcon, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { access } from "../auth/access.ts";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { UserMenu } from "../shell/UserMenu.tsx";

function HeaderLink({
  to,
  current,
  under = current,
  children,
}: {
  to: string;
  current: boolean;
  under?: boolean;
  children: ReactNode;
}) {
  return (
    <Anchor
      component={Link}
      to={to}
      aria-current={current ? "page" : undefined}
      underline="never"
      fw={under ? 700 : 500}
      size="sm"
      c={under ? "blue.8" : "var(--mantine-color-text)"}
      px="sm"
      py={6}
      style={{
        borderRadius: 8,
        background: under ? "var(--mantine-color-blue-0)" : undefined,
        whiteSpace: "nowrap",
      }}
    >
      {children}
    </Anchor>
  );
}

/** The product mark; on a phone only the logo, so that the header fits in 375 px. */
function DeskBrand() {
  return (
    <Anchor component={Link} to="/desk" underline="never" c="inherit">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
          <Text fw={800} fz="md" c="white" component="span">
            U
          </Text>
        </ThemeIcon>
        <Text fw={700} fz="lg" component="span" visibleFrom="xs">
          Uslimato
        </Text>
        <VisuallyHidden hiddenFrom="xs">Uslimato</VisuallyHidden>
      </Group>
    </Anchor>
  );
}

/**
 * The desk portal's own frame: the reporter's tickets and their account, nothing of the agent or admin
 * side. (An agent who opens the desk gets one link back to the agent portal.)
 */
export function DeskLayout({ children }: { children?: ReactNode }) {
  const session = useCurrentSession();
  const { pathname } = useLocation();
  const onList = pathname === "/desk" || pathname === "/desk/";
  const inDesk = pathname.startsWith("/desk");

  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px={{ base: "xs", sm: "md" }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="md" wrap="nowrap">
            <DeskBrand />
            <nav aria-label="Desk">
              <Group gap={4} wrap="nowrap">
                <HeaderLink to="/desk" current={onList} under={inDesk}>
                  My tickets
                </HeaderLink>
                {access.tickets(session) ? (
                  <HeaderLink to="/tickets" current={false}>
                    Agent portal
                  </HeaderLink>
                ) : null}
              </Group>
            </nav>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Container size="lg" py={{ base: "md", sm: "xl" }} px={{ base: "sm", sm: "lg" }}>
          {children ?? <Outlet />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
