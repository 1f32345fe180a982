import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Ticket } from "../types.ts";
import { TYPE_LABEL } from "./labels.ts";
import { RelativeTime } from "./RelativeTime.tsx";

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
