import { Badge, Divider, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { AppDrawer } from "../ui/Dialogs.tsx";
import { formatCount, formatDateTime, isOver } from "./format.ts";
import { LicenseForm } from "./LicenseForm.tsx";
import type { Tenant } from "./types.ts";

function Fact({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} c={alert ? "red" : undefined}>
        {value}
      </Text>
    </Stack>
  );
}

function licenseState(tenant: Tenant): { label: string; color: string } {
  if (!tenant.license) return { label: "Never licensed", color: "gray" };
  return tenant.license.active ? { label: "Active", color: "green" } : { label: "Inactive", color: "orange" };
}

/** One tenant: usage at a glance and its ITSM license. */
export function TenantDrawer({
  tenant: selected,
  onClose,
}: {
  tenant: Tenant | undefined;
  onClose: () => void;
}) {
  // Keep showing the last tenant while the drawer slides shut.
  const [last, setLast] = useState(selected);
  if (selected && selected !== last) setLast(selected);
  const tenant = selected ?? last;
  const state = tenant ? licenseState(tenant) : null;
  return (
    <AppDrawer
      opened={selected !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={tenant ? `${tenant.name}` : "Tenant"}
    >
      {tenant && state ? (
        <Stack gap="lg">
          <Group gap="sm">
            <Text size="sm" ff="monospace" c="dimmed">
              {tenant.slug}
            </Text>
            <Text size="sm" c="dimmed">
              · created {formatDateTime(tenant.createdAt)}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="md">
            <Fact
              label="Agents"
              value={formatCount(tenant.usage.agents, tenant.usage.maxAgents)}
              alert={isOver(tenant.usage.agents, tenant.usage.maxAgents)}
            />
            <Fact
              label="Emails this month"
              value={formatCount(tenant.usage.emailsThisMonth, tenant.usage.maxEmailsMonth)}
              alert={isOver(tenant.usage.emailsThisMonth, tenant.usage.maxEmailsMonth)}
            />
            <Fact label="License updated" value={formatDateTime(tenant.license?.updatedAt)} />
          </SimpleGrid>
          <Divider />
          <Group justify="space-between">
            <Title order={3} fz="h4">
              ITSM license
            </Title>
            <Badge variant="dot" color={state.color} tt="none">
              {state.label}
            </Badge>
          </Group>
          <LicenseForm key={`${tenant.id}:${tenant.license?.updatedAt ?? "none"}`} tenant={tenant} />
        </Stack>
      ) : null}
    </AppDrawer>
  );
}
