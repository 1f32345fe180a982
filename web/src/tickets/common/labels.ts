import {
  type HistoryEntry,
  PRIORITIES,
  type Priority,
  type Status,
  TICKET_TYPES,
  type TicketType,
} from "../types.ts";

export const STATUS_LABEL: Record<Status, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
};

/** Badge colours; shade 8–9 text on a light background keeps the contrast above 4.5:1. */
export const STATUS_COLOR: Record<Status, string> = {
  open: "blue",
  in_progress: "violet",
  resolved: "teal",
  closed: "gray",
  cancelled: "red",
};

export const TYPE_LABEL: Record<TicketType, string> = {
  incident: "Incident",
  service_request: "Service request",
};

export const PRIORITY_LABEL: Record<Priority, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** The options of a type or priority select, in their order. */
export const TYPE_OPTIONS = TICKET_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] }));
export const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }));

export const PRIORITY_COLOR: Record<Priority, string> = {
  critical: "red",
  high: "orange",
  medium: "blue",
  low: "gray",
};

function isStatus(value: string | null): value is Status {
  return value !== null && value in STATUS_LABEL;
}

/** A status in running text: "in progress". */
export function statusWord(value: string | null): string {
  return isStatus(value) ? STATUS_LABEL[value].toLowerCase() : (value ?? "none");
}

function fieldWord(field: string | null, value: string | null): string {
  if (value === null || value === "") return "none";
  if (field === "type" && value in TYPE_LABEL) return TYPE_LABEL[value as TicketType].toLowerCase();
  if (field === "priority" && value in PRIORITY_LABEL) return PRIORITY_LABEL[value as Priority].toLowerCase();
  return value;
}

const FIELD_NAME: Record<string, string> = {
  title: "Title",
  description: "Description",
  type: "Type",
  priority: "Priority",
};

/** One history entry as a sentence a person reads: "Status changed from open to in progress". */
export function describeHistory(entry: HistoryEntry): string {
  switch (entry.kind) {
    case "created":
      return "Ticket created";
    case "status":
      return `Status changed from ${statusWord(entry.old_value)} to ${statusWord(entry.new_value)}`;
    case "assignee":
      if (!entry.new_value) return entry.old_value ? `Unassigned (was ${entry.old_value})` : "Unassigned";
      return entry.old_value
        ? `Assigned to ${entry.new_value} (was ${entry.old_value})`
        : `Assigned to ${entry.new_value}`;
    case "field": {
      const name = FIELD_NAME[entry.field ?? ""] ?? entry.field ?? "A field";
      if (entry.field === "description") return "Description changed";
      if (entry.field === "title")
        return `Title changed from “${entry.old_value ?? ""}” to “${entry.new_value ?? ""}”`;
      return `${name} changed from ${fieldWord(entry.field, entry.old_value)} to ${fieldWord(entry.field, entry.new_value)}`;
    }
    case "comment":
      return entry.new_value === "internal" ? "Internal note added" : "Comment added";
    case "link":
      return entry.new_value ? `Linked to ${entry.field ?? "a record"} ${entry.new_value}` : "Link removed";
    default:
      return `${entry.kind} changed`;
  }
}
