import { AppShell, Avatar, Badge, Container, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { Outlet, useNavigate } from "react-router";
import { Brand } from "../ui/Brand.tsx";
import { notifyError } from "../ui/notify.ts";
import { useCurrentOperator } from "./OperatorContext.ts";
import { useOperatorSignOut } from "./queries.ts";

function OperatorMenu() {
  const { operator } = useCurrentOperator();
  const signOut = useOperatorSignOut();
  const navigate = useNavigate();
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate("/operator/sign-in", { replace: true }),
      onError: (error) => {
        notifyError(error, "Could not sign out");
        navigate("/operator/sign-in", { replace: true });
      },
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton px="xs" py={4} style={{ borderRadius: 8 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={30} radius="xl" color="grape" aria-hidden>
              {operator.email.slice(0, 1).toUpperCase()}
            </Avatar>
            <Text size="sm" fw={500} truncate maw={220}>
              {operator.email}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as operator</Menu.Label>
        <Menu.Divider />
        <Menu.Item color="red" onClick={onSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
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
            <Badge variant="light" color="grape">
              Operator console
            </Badge>
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
