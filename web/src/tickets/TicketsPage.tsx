import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useSearchParams } from "react-router";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryStatus } from "../ui/QueryStatus.tsx";
import { PlusIcon } from "./common/icons.tsx";
import { ListEnd } from "./common/ListEnd.tsx";
import { useLiveState } from "./live.ts";
import { NewTicketModal } from "./NewTicketModal.tsx";
import { QueueFilterBar, StatusSwitch } from "./QueueFilters.tsx";
import { type QueueFilters, type StatusFilter, useCounts, useQueue } from "./queries.ts";
import { TicketTable } from "./TicketList.tsx";
import { PRIORITIES, STATUSES, TICKET_TYPES } from "./types.ts";

const DEFAULTS: QueueFilters = {
  status: "active",
  type: "",
  priority: "",
  assignee: "any",
  q: "",
  sort: "newest",
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The queue's filters live in the address, so a filtered queue can be reloaded, shared and gone back to. */
function useFilters(): [QueueFilters, (patch: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: QueueFilters = {
    status: oneOf<StatusFilter>(params.get("status"), ["active", "all", ...STATUSES], DEFAULTS.status),
    type: oneOf(params.get("type"), ["", ...TICKET_TYPES], ""),
    priority: oneOf(params.get("priority"), ["", ...PRIORITIES], ""),
    assignee: params.get("assignee") || DEFAULTS.assignee,
    q: params.get("q") ?? "",
    sort: oneOf(params.get("sort"), ["newest", "oldest"], DEFAULTS.sort),
  };
  const update = (patch: Partial<QueueFilters>) => {
    const next = { ...filters, ...patch };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== DEFAULTS[key as keyof QueueFilters] && value !== "") search.set(key, value);
    }
    setParams(search, { replace: true });
  };
  return [filters, update];
}

function LiveIndicator() {
  const state = useLiveState();
  if (state === "live") {
    return (
      <Badge variant="dot" color="green" c="dark.6" tt="none" size="lg" title="The queue updates by itself">
        Live
      </Badge>
    );
  }
  return (
    <Badge variant="dot" color="gray" c="dark.6" tt="none" size="lg" title="Waiting for the live connection">
      {state === "connecting" ? "Connecting…" : "Reconnecting…"}
    </Badge>
  );
}

export function TicketsPage() {
  const [filters, setFilters] = useFilters();
  const counts = useCounts();
  const queue = useQueue(filters);
  const [creating, { open, close }] = useDisclosure(false);
  const tickets = queue.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = JSON.stringify(filters) !== JSON.stringify(DEFAULTS);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Tickets"
        description="The service desk queue: incidents and service requests."
        actions={
          <>
            <LiveIndicator />
            <Button leftSection={<PlusIcon />} onClick={open}>
              New ticket
            </Button>
          </>
        }
      />
      <StatusSwitch
        value={filters.status}
        counts={counts.data}
        onChange={(status) => setFilters({ status })}
      />
      <QueueFilterBar filters={filters} onChange={setFilters} />
      <section aria-label="Queue" aria-busy={queue.isFetching}>
        {queue.data ? (
          tickets.length > 0 ? (
            <Stack gap="md">
              <TicketTable tickets={tickets} hrefOf={(t) => `/tickets/${t.number}`} />
              <ListEnd pages={queue} count={tickets.length} ending=" · end of the list" />
            </Stack>
          ) : (
            <EmptyList
              title="No tickets match these filters"
              description={
                filtered ? (
                  <Group gap={4} justify="center" component="span">
                    Change the filters or
                    <Button variant="subtle" size="compact-sm" onClick={() => setFilters(DEFAULTS)}>
                      show all active tickets
                    </Button>
                  </Group>
                ) : (
                  "New tickets appear here as soon as they are reported."
                )
              }
            />
          )
        ) : (
          <QueryStatus error={queue.error} onRetry={() => void queue.refetch()} label="the queue" />
        )}
        {queue.data && queue.error ? (
          <Text size="sm" c="red.8" mt="sm" role="alert">
            Could not refresh the queue: {queue.error.message}
          </Text>
        ) : null}
      </section>
      <NewTicketModal opened={creating} onClose={close} />
    </Stack>
  );
}
