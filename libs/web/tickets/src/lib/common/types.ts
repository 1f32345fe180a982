import type { Status } from "@uslimato/domain";
import type { Priority, TicketType } from "@uslimato/web-ui";

export type { Priority, Status, TicketType };

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
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  closed_at: string | null;
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
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  internal: boolean;
  actor: { id: string; name: string } | null;
  created_at: string;
}

export interface TicketPatch {
  title?: string;
  description?: string;
  type?: TicketType;
  priority?: Priority;
  status?: Status;
  assignee_id?: string | null;
  reason?: string;
}

export interface NewTicket {
  title: string;
  description: string;
  type: TicketType;
  priority?: Priority;
  reporter_id?: string;
}
