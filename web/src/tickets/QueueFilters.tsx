import {
  Box,
  Group,
  NativeSelect,
  type NativeSelectProps,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Text,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { PRIORITY_OPTIONS, STATUS_LABEL, TYPE_OPTIONS } from "./common/labels.ts";
import { TicketSearch } from "./common/TicketFields.tsx";
import { ACTIVE_STATUSES, type QueueFilters, type StatusFilter, useAgents } from "./queries.ts";
import { STATUSES, type StatusCounts } from "./types.ts";

function countLabel(label: string, count: number | undefined) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      <span>{label}</span>
      <Text span size="xs" fw={700} c="inherit" opacity={0.8}>
        {count === undefined ? "" : count.toLocaleString()}
      </Text>
    </Group>
  );
}

/** The status switch with the count of each status (from /api/tickets/counts). */
export function StatusSwitch({
  value,
  counts,
  onChange,
}: {
  value: StatusFilter;
  counts: StatusCounts | undefined;
  onChange: (value: StatusFilter) => void;
}) {
  const active = counts ? ACTIVE_STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const all = counts ? STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  return (
    <ScrollArea type="auto" offsetScrollbars="x" scrollbarSize={6}>
      <Box role="group" aria-label="Ticket counts">
        <SegmentedControl
          value={value}
          onChange={(next) => onChange(next as StatusFilter)}
          data={[
            { value: "active", label: countLabel("Active", active) },
            ...STATUSES.map((s) => ({ value: s, label: countLabel(STATUS_LABEL[s], counts?.[s]) })),
            { value: "all", label: countLabel("All", all) },
          ]}
          name="queue-status"
        />
      </Box>
    </ScrollArea>
  );
}

/** One filter of the queue: a select whose choice replaces `field` in the filters. */
function FilterSelect<K extends Exclude<keyof QueueFilters, "q">>({
  label,
  field,
  filters,
  onChange,
  data,
}: {
  label: string;
  field: K;
  filters: QueueFilters;
  onChange: (patch: Partial<QueueFilters>) => void;
  data: NativeSelectProps["data"];
}) {
  return (
    <NativeSelect
      label={label}
      value={filters[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value as QueueFilters[K] })}
      data={data}
    />
  );
}

export function QueueFilterBar({
  filters,
  onChange,
}: {
  filters: QueueFilters;
  onChange: (patch: Partial<QueueFilters>) => void;
}) {
  const agents = useAgents();
  const [search, setSearch] = useState(filters.q);
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q }), 300);
  const select = { filters, onChange };

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 6 }} spacing="sm">
      <TicketSearch
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") onChange({ q: search });
        }}
      />
      <FilterSelect
        label="Status"
        field="status"
        {...select}
        data={[
          { value: "active", label: "Active" },
          ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
          { value: "all", label: "All" },
        ]}
      />
      <FilterSelect
        label="Type"
        field="type"
        {...select}
        data={[{ value: "", label: "Any type" }, ...TYPE_OPTIONS]}
      />
      <FilterSelect
        label="Priority"
        field="priority"
        {...select}
        data={[{ value: "", label: "Any priority" }, ...PRIORITY_OPTIONS]}
      />
      <FilterSelect
        label="Assignee"
        field="assignee"
        {...select}
        data={[
          { value: "any", label: "Anyone" },
          { value: "me", label: "Me" },
          { value: "unassigned", label: "Unassigned" },
          ...(agents.data && agents.data.length > 0
            ? [{ group: "Agents", items: agents.data.map((a) => ({ value: a.id, label: a.name })) }]
            : []),
        ]}
      />
      <FilterSelect
        label="Sort"
        field="sort"
        {...select}
        data={[
          { value: "newest", label: "Newest first" },
          { value: "oldest", label: "Oldest first" },
        ]}
      />
    </SimpleGrid>
  );
}
