export const STATUSES = ["open", "in_progress", "resolved", "closed", "cancelled"] as const;
export type Status = (typeof STATUSES)[number];
export const FINAL_STATUSES: readonly Status[] = ["closed", "cancelled"];

export const TICKET_TYPES = ["incident", "service_request"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** The ticket JSON of the internal API (snake_case, the same as the Public API). */
export interface Ticket {
  id: string;
  number: string;
  type: TicketType;
  status: Status;
  priority: Priority;
  title: string;
  description: string;
  reporter: Person;
  assignee: Person | null;
  asset_id: string | null;
  movement_id: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  closed_at: string | null;
}

/** A ticket as the agent portal loads it: with the status moves this user may make now. */
export interface AgentTicket extends Ticket {
  allowed_statuses: Status[];
}

export interface TicketPage {
  data: Ticket[];
  next_cursor: string | null;
}

export type StatusCounts = Record<Status, number>;

export type Visibility = "external" | "internal";

export interface Comment {
  id: string;
  body: string;
  visibility: Visibility;
  author: { id: string; name: string } | null;
  created_at: string;
}

export interface HistoryEntry {
  id: string;
  kind: "created" | "status" | "assignee" | "field" | "comment" | "link" | (string & {});
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  internal: boolean;
  actor: { id: string; name: string } | null;
  created_at: string;
}

export function isFinal(status: Status): boolean {
  return FINAL_STATUSES.includes(status);
}
