import { Badge, Button, Paper, Table, Text, VisuallyHidden } from "@mantine/core";
import { formatCount, isOver } from "./format.ts";
import type { Tenant } from "./types.ts";

function LicenseBadge({ tenant }: { tenant: Tenant }) {
  if (!tenant.license) {
    return (
      <Badge variant="dot" color="gray" tt="none">
        Never licensed
      </Badge>
    );
  }
  return tenant.license.active ? (
    <Badge variant="dot" color="green" tt="none">
      Active
    </Badge>
  ) : (
    <Badge variant="dot" color="orange" tt="none">
      Inactive
    </Badge>
  );
}

function Usage({ used, max }: { used: number; max: number | null }) {
  const over = isOver(used, max);
  return (
    <Text size="sm" c={over ? "red" : undefined} fw={over ? 600 : undefined}>
      {formatCount(used, max)}
      {over ? " (over quota)" : ""}
    </Text>
  );
}

export function TenantsTable({ tenants, onManage }: { tenants: Tenant[]; onManage: (slug: string) => void }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Slug</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>ITSM license</Table.Th>
              <Table.Th>Agents</Table.Th>
              <Table.Th>Emails this month</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenants.map((tenant) => (
              <Table.Tr key={tenant.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {tenant.slug}
                  </Text>
                </Table.Td>
                <Table.Td>{tenant.name}</Table.Td>
                <Table.Td>
                  <LicenseBadge tenant={tenant} />
                </Table.Td>
                <Table.Td>
                  <Usage used={tenant.usage.agents} max={tenant.usage.maxAgents} />
                </Table.Td>
                <Table.Td>
                  <Usage used={tenant.usage.emailsThisMonth} max={tenant.usage.maxEmailsMonth} />
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onManage(tenant.slug)}
                    aria-label={`Manage ${tenant.name}`}
                  >
                    Manage
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
