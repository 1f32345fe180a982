import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { DataTable } from "../ui/DataTable.tsx";
import { EmptyList } from "../ui/EmptyList.tsx";
import { notifyError, notifySuccess } from "../ui/notify.ts";
import { QueryList } from "../ui/QueryStatus.tsx";
import { formatDateTime } from "./format.ts";
import { useAlerts, useRefreshConsole } from "./queries.ts";

/** Quota alerts raised for the operator, and the on-demand quota check. */
export function AlertsSection() {
  const alerts = useAlerts();
  const refresh = useRefreshConsole();
  const check = useMutation({
    mutationFn: () => api.post<{ alertsRaised: number }>("/api/operator/checks/quotas"),
    onSuccess: ({ alertsRaised }) =>
      notifySuccess(
        alertsRaised === 0
          ? "No new overruns."
          : `${alertsRaised} new alert${alertsRaised === 1 ? "" : "s"} raised.`,
        "Quota check finished",
      ),
    onError: (error) => notifyError(error, "The quota check failed"),
    onSettled: refresh,
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="quota-alerts-heading">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="quota-alerts-heading">
            Quota alerts
          </Title>
          <Text size="sm" c="dimmed">
            Overruns of agent seats and monthly emails. The check also runs automatically every hour.
          </Text>
        </Stack>
        <Button variant="light" loading={check.isPending} onClick={() => check.mutate()}>
          Run quota check
        </Button>
      </Group>
      <QueryList
        query={alerts}
        label="alerts"
        empty={<EmptyList title="No alerts" description="No tenant has gone over its quotas." />}
      >
        {(list) => (
          <DataTable columns={["Raised", "Tenant", "Kind", "Period", "Message"]} minWidth={720}>
            {list.map((alert) => (
              <Table.Tr key={alert.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(alert.createdAt)}</Table.Td>
                <Table.Td>
                  {alert.tenant.name}{" "}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {alert.tenant.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color="red" tt="none">
                    {alert.kind}
                  </Badge>
                </Table.Td>
                <Table.Td>{alert.period}</Table.Td>
                <Table.Td>{alert.message}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryList>
    </Stack>
  );
}
