import { Badge, Button, Table, Text } from "@mantine/core";
import { DataTable } from "../ui/DataTable.tsx";
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
    <DataTable
      columns={["Slug", "Name", "ITSM license", "Agents", "Emails this month"]}
      actions
      minWidth={820}
      highlightOnHover
    >
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
    </DataTable>
  );
}
