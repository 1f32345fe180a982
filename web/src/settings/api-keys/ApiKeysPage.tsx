import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { can } from "../../auth/access.ts";
import { useCurrentSession } from "../../auth/SessionContext.ts";
import type { Session } from "../../auth/types.ts";
import { NotFoundPage } from "../../shell/NotFoundPage.tsx";
import { readableAlert } from "../../tickets/common/contrast.ts";
import { formatDateTime, formatRelative } from "../../tickets/common/format.ts";
import { notifyDone, notifyFailure } from "../../tickets/common/notify.ts";
import { AppModal } from "../../ui/Dialogs.tsx";
import { EmptyList } from "../../ui/EmptyList.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryStatus.tsx";
import { NewApiKeyModal } from "./NewApiKeyModal.tsx";
import { useApiKeys, useApiUsage, useRefreshApiKeys } from "./queries.ts";
import type { ApiKey, UsageCounts } from "./types.ts";

/** Settings → API keys exists for settings:manage. */
export function canManageApiKeys(session: Session): boolean {
  return can(session, "settings:manage");
}

const STATUS_COLOR = { active: "green", expired: "gray", revoked: "red" } as const;

function Counts({ counts }: { counts: UsageCounts }) {
  return (
    <Text size="sm">
      {counts.requests.toLocaleString()}
      {counts.requests > 0 ? (
        <Text span size="xs" c="dimmed">
          {" "}
          ({counts.status_2xx} ok, {counts.status_4xx} 4xx, {counts.status_5xx} 5xx)
        </Text>
      ) : null}
    </Text>
  );
}

function RevokeButton({ apiKey }: { apiKey: ApiKey }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefreshApiKeys();
  const revoke = useMutation({
    mutationFn: () => api.post<ApiKey>(`/api/api-keys/${apiKey.id}/revoke`),
    onSuccess: () => {
      notifyDone(`“${apiKey.name}” no longer works.`, "API key revoked");
      close();
    },
    onError: (error) => notifyFailure(error, `Could not revoke “${apiKey.name}”`),
    onSettled: refresh,
  });
  if (apiKey.status === "revoked") return null;
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={open} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </Button>
      <AppModal opened={opened} onClose={close} title={`Revoke “${apiKey.name}”?`} centered>
        <Stack gap="md">
          <Text size="sm">
            Requests with this key are refused (401) from now on. Its usage stays listed. This cannot be
            undone.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              Revoke key
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

function KeysTable({ keys }: { keys: ApiKey[] }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Acts as</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Requests today</Table.Th>
              <Table.Th>Last 30 days</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {k.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {k.hint}
                  </Text>
                  {k.status === "active" && k.notes.length > 0 ? (
                    <Text size="xs" c="dark.7" mt={4} maw={320}>
                      {k.notes.join(" ")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {k.scopes.map((s) => (
                      <Badge key={s} variant="light" color="gray" tt="none">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{k.owner.name}</Text>
                  <Text size="xs" c="dimmed">
                    {k.owner.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {k.last_used_at ? (
                    <Text size="sm" title={formatDateTime(k.last_used_at)}>
                      {formatRelative(k.last_used_at)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Counts counts={k.usage.today} />
                </Table.Td>
                <Table.Td>
                  <Counts counts={k.usage.last_30_days} />
                </Table.Td>
                <Table.Td style={{ minWidth: 110 }}>
                  <Badge
                    variant="outline"
                    color={`${STATUS_COLOR[k.status]}.4`}
                    bg={`${STATUS_COLOR[k.status]}.0`}
                    c="dark.7"
                    tt="none"
                    style={{ overflow: "visible" }}
                  >
                    {k.status}
                  </Badge>
                  {k.status === "active" && k.expires_at ? (
                    <Text size="xs" c="dimmed" mt={2}>
                      until {formatDateTime(k.expires_at)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">
                  <RevokeButton apiKey={k} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function UsageSection() {
  const [days] = useState(30);
  const usage = useApiUsage(days);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} fz="h4">
          Usage per day
        </Title>
        <Anchor href={`/api/api-keys/usage.csv?days=${days}`} download size="sm" underline="always">
          Download CSV (last {days} days)
        </Anchor>
      </Group>
      {usage.data ? (
        usage.data.length > 0 ? (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={6} horizontalSpacing="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Day (UTC)</Table.Th>
                    <Table.Th>Key</Table.Th>
                    <Table.Th ta="right">Requests</Table.Th>
                    <Table.Th ta="right">2xx</Table.Th>
                    <Table.Th ta="right">4xx</Table.Th>
                    <Table.Th ta="right">5xx</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {usage.data.map((r) => (
                    <Table.Tr key={`${r.day}-${r.key_id}`}>
                      <Table.Td>{r.day}</Table.Td>
                      <Table.Td>{r.key_name}</Table.Td>
                      <Table.Td ta="right">{r.requests}</Table.Td>
                      <Table.Td ta="right">{r.status_2xx}</Table.Td>
                      <Table.Td ta="right">{r.status_4xx}</Table.Td>
                      <Table.Td ta="right">{r.status_5xx}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            No API requests in the last {days} days.
          </Text>
        )
      ) : (
        <QueryStatus error={usage.error} onRetry={() => void usage.refetch()} label="the usage" />
      )}
    </Stack>
  );
}

/** `/settings/api-keys`: keys for the Public API — create (shown once), last use and usage, revoke. */
export function ApiKeysPage() {
  const session = useCurrentSession();
  const allowed = canManageApiKeys(session);
  const [creating, { open, close }] = useDisclosure(false);
  const keys = useApiKeys(allowed);
  if (!allowed) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for integrations using the Public API (
            <Anchor href="/public/v1/docs" target="_blank" rel="noreferrer" size="sm" underline="always">
              reference
            </Anchor>
            ). A key acts as the user it names and can never do more than that user.
          </>
        }
        actions={<Button onClick={open}>New API key</Button>}
      />
      {session.features.public_api ? null : (
        <Alert color="blue" styles={readableAlert("blue")} title="The ticket API is not enabled">
          Ticket endpoints need the Public API feature of the ITSM license; keys can be prepared already.
        </Alert>
      )}
      {keys.data ? (
        keys.data.length > 0 ? (
          <KeysTable keys={keys.data} />
        ) : (
          <EmptyList title="No API keys yet" description="Create one with “New API key”." />
        )
      ) : (
        <QueryStatus error={keys.error} onRetry={() => void keys.refetch()} label="API keys" />
      )}
      <UsageSection />
      <NewApiKeyModal opened={creating} onClose={close} />
    </Stack>
  );
}
