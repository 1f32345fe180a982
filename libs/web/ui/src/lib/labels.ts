import type { Status } from "@uslimato/domain";

/** The words the UI shows for ticket values (the API sends the snake_case names). */
export const STATUS_LABEL: Record<Status, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const TICKET_TYPES = ["incident", "service_request"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TYPE_LABEL: Record<TicketType, string> = {
  incident: "Incident",
  service_request: "Service request",
};

export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABEL: Record<Priority, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};
