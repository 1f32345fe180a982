import { formatNumber, type Status } from "@uslimato/domain";
import type { TicketPriority, TicketType } from "@uslimato/server-data";

/** Who acts on tickets: a signed-in user, or (Public API) a key acting for its owner. */
export interface Actor {
  tenantId: string;
  userId: string;
  permissions: ReadonlySet<string>;
}

/** Agents see and work every ticket of the tenant; anyone else only the tickets they reported. */
export const isAgent = (actor: Actor) => actor.permissions.has("tickets:manage");

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** The ticket JSON of the API contract (product.md §3), also used by the web app. */
export interface TicketView {
  id: string;
  number: string;
  type: TicketType;
  status: Status;
  priority: TicketPriority;
  title: string;
  description: string;
  reporter: PersonRef;
  assignee: PersonRef | null;
  asset_id: string | null;
  movement_id: string | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

/** A ticket with its reporter and assignee as the loading queries select it (one flat row). */
export interface TicketRow {
  id: string;
  number: number;
  prefix: string;
  type: string;
  status: string;
  priority: string;
  title: string;
  description: string;
  reporter_id: string;
  reporter_name: string;
  reporter_email: string;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  asset_id: string | null;
  movement_id: string | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

export function toView(row: TicketRow): TicketView {
  return {
    id: row.id,
    number: formatNumber(row.prefix, row.number),
    type: row.type as TicketType,
    status: row.status as Status,
    priority: row.priority as TicketPriority,
    title: row.title,
    description: row.description,
    reporter: { id: row.reporter_id, name: row.reporter_name, email: row.reporter_email },
    assignee: row.assignee_id
      ? { id: row.assignee_id, name: row.assignee_name ?? "", email: row.assignee_email ?? "" }
      : null,
    asset_id: row.asset_id,
    movement_id: row.movement_id,
    cancel_reason: row.cancel_reason,
    created_at: row.created_at,
    updated_at: row.updated_at,
    resolved_at: row.resolved_at,
    closed_at: row.closed_at,
  };
}
