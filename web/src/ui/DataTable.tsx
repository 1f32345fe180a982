import { Paper, Table, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";

interface DataTableProps {
  /** The column headings, left to right. */
  columns: string[];
  /** A last column of per-row buttons, its heading "Actions" for screen readers only. */
  actions?: boolean;
  /** Below this width the table scrolls sideways; without it, it never does. */
  minWidth?: number;
  highlightOnHover?: boolean;
  /** The table's accessible name. */
  label?: string;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** A bordered list table, as every list page shows one. */
export function DataTable({
  columns,
  actions = false,
  minWidth,
  highlightOnHover = false,
  label,
  children,
}: DataTableProps) {
  const table = (
    <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover={highlightOnHover} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column}>{column}</Table.Th>
          ))}
          {actions ? (
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return (
    <Paper withBorder radius="md">
      {minWidth === undefined ? (
        table
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
      )}
    </Paper>
  );
}
