import { Box, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue, useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { StatusBadge } from "../tickets/common/Badges.tsx";
import { PlusIcon } from "../tickets/common/icons.tsx";
import { ListEnd } from "../tickets/common/ListEnd.tsx";
import { TYPE_LABEL } from "../tickets/common/labels.ts";
import { RelativeTime } from "../tickets/common/RelativeTime.tsx";
import { CardTop, TicketCardList, TicketCells, UpdatedCell } from "../tickets/common/TicketCells.tsx";
import { TicketSearch } from "../tickets/common/TicketFields.tsx";
import type { Ticket } from "../tickets/types.ts";
import { DataTable } from "../ui/DataTable.tsx";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryStatus } from "../ui/QueryStatus.tsx";
import { NewDeskTicketModal } from "./NewDeskTicketModal.tsx";
import { type DeskState, useMyTickets } from "./queries.ts";

const STATES: { value: DeskState; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "done", label: "Done" },
  { value: "all", label: "All" },
];

function MyTicketsTable({ tickets }: { tickets: Ticket[] }) {
  return (
    <DataTable
      columns={["Number", "Title", "Type", "Status", "Last update"]}
      highlightOnHover
      label="My tickets"
    >
      {tickets.map((ticket) => (
        <Table.Tr key={ticket.id}>
          <TicketCells ticket={ticket} href={`/desk/tickets/${ticket.number}`} />
          <Table.Td>
            <StatusBadge status={ticket.status} />
          </Table.Td>
          <UpdatedCell ticket={ticket} />
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** On a phone each ticket is a card; the whole card is one link. */
function MyTicketCards({ tickets }: { tickets: Ticket[] }) {
  return (
    <TicketCardList tickets={tickets} label="My tickets">
      {(ticket) => (
        <Paper
          component={Link}
          to={`/desk/tickets/${ticket.number}`}
          withBorder
          radius="md"
          p="md"
          display="block"
          style={{ color: "inherit", textDecoration: "none" }}
        >
          <CardTop ticket={ticket} wrap="nowrap" />
          <Text fw={600} lineClamp={2} style={{ overflowWrap: "anywhere" }}>
            {ticket.title}
          </Text>
          <Group gap={6} mt={6}>
            <Text size="sm" c="dimmed">
              {TYPE_LABEL[ticket.type]} · updated
            </Text>
            <RelativeTime iso={ticket.updated_at} size="sm" />
          </Group>
        </Paper>
      )}
    </TicketCardList>
  );
}

/** `/desk`: the tickets the signed-in user reported. */
export function DeskPage() {
  const [params, setParams] = useSearchParams();
  const state = (STATES.find((s) => s.value === params.get("show"))?.value ?? "open") as DeskState;
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useMyTickets(state, q);
  const wide = useMediaQuery("(min-width: 48em)", true);
  const [creating, { open, close }] = useDisclosure(false);
  const filterLabel = useId();
  const tickets = list.data?.pages.flatMap((page) => page.data) ?? [];

  const setState = (next: DeskState) => {
    const search = new URLSearchParams(params);
    if (next === "open") search.delete("show");
    else search.set("show", next);
    setParams(search, { replace: true });
  };

  const emptyTitle = q
    ? "No tickets match your search"
    : state === "open"
      ? "You have no open tickets"
      : state === "done"
        ? "No finished tickets yet"
        : "You have not reported anything yet";

  return (
    <Stack gap="lg">
      <PageHeader
        title="My tickets"
        description="Issues and requests you reported to the service desk, and where they stand."
        actions={
          <Button leftSection={<PlusIcon />} onClick={open}>
            New ticket
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Box>
          <Text id={filterLabel} size="sm" fw={500} mb={4}>
            Show
          </Text>
          <Box role="radiogroup" aria-labelledby={filterLabel}>
            <SegmentedControl
              name="desk-state"
              value={state}
              onChange={(next) => setState(next as DeskState)}
              data={STATES}
            />
          </Box>
        </Box>
        <TicketSearch
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: "1 1 220px" }}
        />
      </Group>
      <section aria-label="Ticket list" aria-busy={list.isFetching}>
        {list.data ? (
          tickets.length > 0 ? (
            <Stack gap="md">
              {wide ? <MyTicketsTable tickets={tickets} /> : <MyTicketCards tickets={tickets} />}
              <ListEnd pages={list} count={tickets.length} />
            </Stack>
          ) : (
            <EmptyList
              title={emptyTitle}
              description={
                q
                  ? "Try other words, or the ticket number."
                  : "Something not working, or need something? Report it with “New ticket”."
              }
            />
          )
        ) : (
          <QueryStatus error={list.error} onRetry={() => void list.refetch()} label="your tickets" />
        )}
      </section>
      <NewDeskTicketModal opened={creating} onClose={close} />
    </Stack>
  );
}
