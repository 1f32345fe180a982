import { Anchor, Group, Paper, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Link, useNavigate } from "react-router";
import { DataTable } from "../ui/DataTable.tsx";
import { PriorityBadge, StatusBadge } from "./common/Badges.tsx";
import { TYPE_LABEL } from "./common/labels.ts";
import { RelativeTime } from "./common/RelativeTime.tsx";
import { CardTop, TicketCardList, TicketCells, UpdatedCell } from "./common/TicketCells.tsx";
import type { Ticket } from "./types.ts";

function Unassigned() {
  return (
    <Text span size="sm" c="dimmed" fs="italic">
      Unassigned
    </Text>
  );
}

function TicketCards({ tickets, hrefOf }: { tickets: Ticket[]; hrefOf: (t: Ticket) => string }) {
  return (
    <TicketCardList tickets={tickets}>
      {(ticket) => (
        <Paper withBorder radius="md" p="md">
          <CardTop ticket={ticket} />
          <Anchor component={Link} to={hrefOf(ticket)} fw={600} c="var(--mantine-color-text)" lineClamp={2}>
            {ticket.title}
          </Anchor>
          <Group gap="xs" mt={8} wrap="wrap">
            <PriorityBadge priority={ticket.priority} size="sm" />
            <Text size="sm" c="dimmed">
              {TYPE_LABEL[ticket.type]}
            </Text>
          </Group>
          <Text size="sm" mt={6}>
            {ticket.reporter.name} → {ticket.assignee ? ticket.assignee.name : <Unassigned />}
          </Text>
          <Group gap={4} mt={2}>
            <Text size="sm" c="dimmed">
              Updated
            </Text>
            <RelativeTime iso={ticket.updated_at} size="sm" />
          </Group>
        </Paper>
      )}
    </TicketCardList>
  );
}

/** The queue: a table on wide screens, a list of cards on phones. */
export function TicketTable({ tickets, hrefOf }: { tickets: Ticket[]; hrefOf: (t: Ticket) => string }) {
  const wide = useMediaQuery("(min-width: 62em)", true);
  const navigate = useNavigate();
  if (!wide) return <TicketCards tickets={tickets} hrefOf={hrefOf} />;
  return (
    <DataTable
      columns={["Number", "Title", "Type", "Priority", "Status", "Reporter", "Assignee", "Updated"]}
      minWidth={900}
      highlightOnHover
      label="Tickets"
    >
      {tickets.map((ticket) => (
        <Table.Tr
          key={ticket.id}
          style={{ cursor: "pointer" }}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest("a")) return;
            navigate(hrefOf(ticket));
          }}
        >
          <TicketCells ticket={ticket} href={hrefOf(ticket)} titleWidth={360} />
          <Table.Td w={1}>
            <PriorityBadge priority={ticket.priority} style={{ overflow: "visible" }} />
          </Table.Td>
          <Table.Td w={1}>
            <StatusBadge status={ticket.status} style={{ overflow: "visible" }} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{ticket.reporter.name}</Text>
          </Table.Td>
          <Table.Td>
            {ticket.assignee ? <Text size="sm">{ticket.assignee.name}</Text> : <Unassigned />}
          </Table.Td>
          <UpdatedCell ticket={ticket} />
        </Table.Tr>
      ))}
    </DataTable>
  );
}
