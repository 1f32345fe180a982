import type { Status } from "@uslimato/domain";
import type { Priority, TicketType } from "@uslimato/web-ui";

export type { Priority, Status, TicketType };

export interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * The asset a ticket concerns (asset_integration). `deleted`: the asset was deleted later; name and tag
 * are what the ticket kept of it.
 */
export interface TicketAsset {
  id: string;
  name: string;
  tag: string;
  deleted: boolean;
}

/** The movement of its asset a ticket is linked to (movement_link). */
export interface TicketMovement {
  id: string;
  moved_at: string;
  from_location: string;
  to_location: string;
}

/** One movement of an asset as `GET /api/assets/:id/movements` lists it (newest first). */
export interface AssetMovement {
  id: string;
  asset_id: string;
  from_location: string;
  to_location: string;
  from_person: Person | null;
  to_person: Person | null;
  moved_at: string;
  note: string;
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
  /** Null when the ticket has no asset, or asset_integration is off (the server hides it). */
  asset: TicketAsset | null;
  /** Null when not linked, or movement_link is off. */
  movement: TicketMovement | null;
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
  /** The asset the ticket concerns ("Report issue"); ignored by the server with asset_integration off. */
  asset_id?: string;
}

/**
 * The data the "New ticket" dialogs (agent and desk) accept: with an asset (an asset page's "Report
 * issue") the ticket is linked to it and the dialog closes with the created ticket without navigating.
 */
export interface NewTicketDialogData {
  asset: { id: string; name: string; asset_tag: string };
}
