import { isStatus } from "@uslimato/domain";
import { PRIORITY_LABEL, type Priority, STATUS_LABEL, type TicketType, TYPE_LABEL } from "@uslimato/web-ui";
import type { HistoryEntry } from "./types.ts";

/** A status in running text: "in progress". */
export function statusWord(value: string | null): string {
  return value !== null && isStatus(value) ? STATUS_LABEL[value].toLowerCase() : (value ?? "none");
}

function fieldWord(field: string | null, value: string | null): string {
  if (value === null || value === "") return "none";
  if (field === "type" && value in TYPE_LABEL) return TYPE_LABEL[value as TicketType].toLowerCase();
  if (field === "priority" && value in PRIORITY_LABEL) return PRIORITY_LABEL[value as Priority].toLowerCase();
  return value;
}

const FIELD_NAME: Record<string, string> = { type: "Type", priority: "Priority" };

/** One history entry as a sentence: "Status changed from open to in progress". */
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
    case "field":
      if (entry.field === "description") return "Description changed";
      if (entry.field === "title")
        return `Title changed from “${entry.old_value ?? ""}” to “${entry.new_value ?? ""}”`;
      return `${FIELD_NAME[entry.field ?? ""] ?? entry.field ?? "A field"} changed from ${fieldWord(entry.field, entry.old_value)} to ${fieldWord(entry.field, entry.new_value)}`;
    case "comment":
      return entry.new_value === "internal" ? "Internal note added" : "Comment added";
    case "link":
      return entry.new_value ? `Linked to ${entry.field ?? "a record"} ${entry.new_value}` : "Link removed";
    default:
      return `${entry.kind} changed`;
  }
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** A ticket's asset in running text: "Dell Latitude 5440 · AT-0042". */
export function assetText(asset: { name: string; tag: string }): string {
  return asset.tag ? `${asset.name} · ${asset.tag}` : asset.name;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "1 Dec 2026: HQ → Lab" — where an asset went (a person's name where no location was recorded). */
export function movementLabel(m: {
  moved_at: string;
  from_location: string;
  to_location: string;
  from_person?: { name: string } | null;
  to_person?: { name: string } | null;
}): string {
  const from = m.from_location || m.from_person?.name || "—";
  const to = m.to_location || m.to_person?.name || "—";
  return `${DATE.format(new Date(m.moved_at))}: ${from} → ${to}`;
}

/** "just now", "5 min ago", "3 h ago", then the date. */
export function formatWhen(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return formatDateTime(iso);
}
