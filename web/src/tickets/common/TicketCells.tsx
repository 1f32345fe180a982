import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Ticket } from "../types.ts";
import { StatusBadge } from "./Badges.tsx";
import { TYPE_LABEL } from "./labels.ts";
import { RelativeTime } from "./RelativeTime.tsx";

// A ticket in the lists of both portals: the cells of its table row, or its card on a phone.

/** The first cells of a ticket's row in the queue and in My tickets: number (the link), title, type. */
export function TicketCells({
  ticket,
  href,
  titleWidth,
}: {
  ticket: Ticket;
  href: string;
  titleWidth?: number;
}) {
  return (
    <>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Anchor component={Link} to={href} ff="monospace" size="sm">
          {ticket.number}
        </Anchor>
      </Table.Td>
      <Table.Td maw={titleWidth}>
        <Text size="sm" fw={500} lineClamp={2}>
          {ticket.title}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm">{TYPE_LABEL[ticket.type]}</Text>
      </Table.Td>
    </>
  );
}

/** The last cell of such a row: when the ticket last changed. */
export function UpdatedCell({ ticket }: { ticket: Ticket }) {
  return (
    <Table.Td style={{ whiteSpace: "nowrap" }}>
      <RelativeTime iso={ticket.updated_at} size="sm" />
    </Table.Td>
  );
}

/** On a phone the list is cards instead: one list item each. */
export function TicketCardList({
  tickets,
  label,
  children,
}: {
  tickets: Ticket[];
  label?: string;
  children: (ticket: Ticket) => ReactNode;
}) {
  return (
    <Stack gap="sm" component="ul" aria-label={label} style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>{children(ticket)}</li>
      ))}
    </Stack>
  );
}

/** The top line of a ticket's card: number and status. */
export function CardTop({ ticket, wrap }: { ticket: Ticket; wrap?: "nowrap" }) {
  return (
    <Group justify="space-between" gap="xs" wrap={wrap} mb={4}>
      <Text size="sm" ff="monospace" c="dimmed">
        {ticket.number}
      </Text>
      <StatusBadge status={ticket.status} />
    </Group>
  );
}
