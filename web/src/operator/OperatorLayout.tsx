import { AppShell, Container, Group } from "@mantine/core";
import { Outlet } from "react-router";
import { AccountMenu } from "../ui/AccountMenu.tsx";
import { Brand } from "../ui/Brand.tsx";
import { OperatorBadge } from "./OperatorBadge.tsx";
import { useCurrentOperator } from "./OperatorContext.ts";
import { useOperatorSignOut } from "./queries.ts";

function OperatorMenu() {
  const { operator } = useCurrentOperator();
  const signOut = useOperatorSignOut();
  return (
    <AccountMenu
      name={operator.email}
      avatar={operator.email.slice(0, 1).toUpperCase()}
      avatarColor="grape"
      maxNameWidth={220}
      label="Signed in as operator"
      signOut={signOut}
      signInPath="/operator/sign-in"
    />
  );
}

/** The operator console frame: the Uslimato team's own header, no tenant navigation. */
export function OperatorLayout() {
  return (
    <AppShell header={{ height: 56 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Brand to="/operator" />
            <OperatorBadge />
          </Group>
          <OperatorMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
