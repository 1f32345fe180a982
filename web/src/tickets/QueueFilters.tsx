import {
  Box,
  Group,
  NativeSelect,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { SearchIcon } from "./common/icons.tsx";
import { PRIORITY_LABEL, STATUS_LABEL, TYPE_LABEL } from "./common/labels.ts";
import { ACTIVE_STATUSES, type QueueFilters, type StatusFilter, useAgents } from "./queries.ts";
import { PRIORITIES, STATUSES, type StatusCounts, TICKET_TYPES } from "./types.ts";

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

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 6 }} spacing="sm">
      <TextInput
        label="Search"
        type="search"
        placeholder="Number or words"
        leftSection={<SearchIcon />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") onChange({ q: search });
        }}
      />
      <NativeSelect
        label="Status"
        value={filters.status}
        onChange={(event) => onChange({ status: event.currentTarget.value as StatusFilter })}
        data={[
          { value: "active", label: "Active" },
          ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
          { value: "all", label: "All" },
        ]}
      />
      <NativeSelect
        label="Type"
        value={filters.type}
        onChange={(event) => onChange({ type: event.currentTarget.value as QueueFilters["type"] })}
        data={[
          { value: "", label: "Any type" },
          ...TICKET_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] })),
        ]}
      />
      <NativeSelect
        label="Priority"
        value={filters.priority}
        onChange={(event) => onChange({ priority: event.currentTarget.value as QueueFilters["priority"] })}
        data={[
          { value: "", label: "Any priority" },
          ...PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] })),
        ]}
      />
      <NativeSelect
        label="Assignee"
        value={filters.assignee}
        onChange={(event) => onChange({ assignee: event.currentTarget.value })}
        data={[
          { value: "any", label: "Anyone" },
          { value: "me", label: "Me" },
          { value: "unassigned", label: "Unassigned" },
          ...(agents.data && agents.data.length > 0
            ? [{ group: "Agents", items: agents.data.map((a) => ({ value: a.id, label: a.name })) }]
            : []),
        ]}
      />
      <NativeSelect
        label="Sort"
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.currentTarget.value as QueueFilters["sort"] })}
        data={[
          { value: "newest", label: "Newest first" },
          { value: "oldest", label: "Oldest first" },
        ]}
      />
    </SimpleGrid>
  );
}
