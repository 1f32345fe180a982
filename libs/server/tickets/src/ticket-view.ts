import {
  featureEnabled,
  formatNumber,
  type LicenseState,
  readsEveryTicket,
  type Status,
} from "@uslimato/domain";
import type { TicketPriority, TicketType } from "@uslimato/server-data";

/** Who acts on tickets: a signed-in user, or (Public API) a key acting for its owner. */
export interface Actor {
  tenantId: string;
  userId: string;
  permissions: ReadonlySet<string>;
}

/** Agents see and work every ticket of the tenant; anyone else only the tickets they reported. */
export const isAgent = (actor: Actor) => readsEveryTicket(actor.permissions);

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/**
 * The asset a ticket concerns. `deleted`: the asset was deleted after the ticket was done; name and tag
 * are what the ticket kept of it (tickets.asset_snapshot).
 */
export interface AssetRef {
  id: string;
  name: string;
  tag: string;
  deleted: boolean;
}

/** The movement of its asset a ticket is linked to (movement_link). */
export interface MovementRef {
  id: string;
  moved_at: Date;
  from_location: string;
  to_location: string;
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
  /** Name and tag of the linked asset; only rows read with ticketQuery() carry them (else null). */
  asset: AssetRef | null;
  movement: MovementRef | null;
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
  /** Joined by ticketQuery(): the linked asset and movement, and what was kept of a deleted asset. */
  asset_name?: string | null;
  asset_tag?: string | null;
  asset_snapshot?: { id: string; name: string; tag: string } | null;
  movement_moved_at?: Date | null;
  movement_from?: string | null;
  movement_to?: string | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

function assetOf(row: TicketRow): AssetRef | null {
  if (row.asset_id && row.asset_name != null) {
    return { id: row.asset_id, name: row.asset_name, tag: row.asset_tag ?? "", deleted: false };
  }
  const kept = row.asset_snapshot;
  return kept ? { id: kept.id, name: kept.name, tag: kept.tag, deleted: true } : null;
}

function movementOf(row: TicketRow): MovementRef | null {
  if (!row.movement_id || row.movement_moved_at == null) return null;
  return {
    id: row.movement_id,
    moved_at: row.movement_moved_at,
    from_location: row.movement_from ?? "",
    to_location: row.movement_to ?? "",
  };
}

/**
 * product.md §2: with `asset_integration` off the asset links are hidden (and so are movements, which
 * hang on them); with `movement_link` off the movement link is.
 */
export function showLinks<T extends TicketView>(view: T, license: LicenseState | null): T {
  if (!featureEnabled(license, "asset_integration")) {
    return { ...view, asset_id: null, asset: null, movement_id: null, movement: null };
  }
  if (!featureEnabled(license, "movement_link")) return { ...view, movement_id: null, movement: null };
  return view;
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
    asset: assetOf(row),
    movement: movementOf(row),
    cancel_reason: row.cancel_reason,
    created_at: row.created_at,
    updated_at: row.updated_at,
    resolved_at: row.resolved_at,
    closed_at: row.closed_at,
  };
}
