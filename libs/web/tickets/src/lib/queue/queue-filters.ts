import type { ParamMap } from "@angular/router";
import { STATUSES, type Status } from "@uslimato/domain";
import { PRIORITIES, type Priority, TICKET_TYPES, type TicketType } from "@uslimato/web-ui";

export type StatusFilter = "active" | "all" | Status;

export interface QueueFilters {
  status: StatusFilter;
  type: "" | TicketType;
  priority: "" | Priority;
  /** "any", "me", "unassigned" or an agent's id. */
  assignee: string;
  q: string;
  sort: "newest" | "oldest";
}

export const DEFAULT_FILTERS: QueueFilters = {
  status: "active",
  type: "",
  priority: "",
  assignee: "any",
  q: "",
  sort: "newest",
};

export const ACTIVE_STATUSES: Status[] = ["open", "in_progress", "resolved"];
export const PAGE_SIZE = 25;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The queue's filters live in the address, so a filtered queue can be reloaded, shared and gone back to. */
export function filtersFrom(params: ParamMap): QueueFilters {
  return {
    status: oneOf<StatusFilter>(params.get("status"), ["active", "all", ...STATUSES], DEFAULT_FILTERS.status),
    type: oneOf(params.get("type"), ["", ...TICKET_TYPES], ""),
    priority: oneOf(params.get("priority"), ["", ...PRIORITIES], ""),
    assignee: params.get("assignee") || DEFAULT_FILTERS.assignee,
    q: params.get("q") ?? "",
    sort: oneOf(params.get("sort"), ["newest", "oldest"], DEFAULT_FILTERS.sort),
  };
}

/** The query parameters of the address for `filters` (defaults left out). */
export function paramsOf(filters: QueueFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== DEFAULT_FILTERS[key as keyof QueueFilters] && value !== "") params[key] = value;
  }
  return params;
}

/** The `/api/tickets` query for `filters`. */
export function queueQuery(filters: QueueFilters, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status === "active") params.set("status", ACTIVE_STATUSES.join(","));
  else if (filters.status !== "all") params.set("status", filters.status);
  if (filters.type) params.set("type", filters.type);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.assignee !== "any") params.set("assignee", filters.assignee);
  if (filters.q.trim()) params.set("q", filters.q.trim());
  params.set("sort", filters.sort);
  params.set("limit", String(PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return params;
}
