import { ASSET_STATUSES, type AssetStatus, type Status } from "@uslimato/domain";

export { ASSET_STATUSES, type AssetStatus };
export const ASSET_STATUS_LABEL: Record<AssetStatus, string> = {
  in_use: "In use",
  in_stock: "In stock",
  in_repair: "In repair",
  retired: "Retired",
};

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** The asset JSON of /api/assets (the same fields as the Public API's). */
export interface Asset {
  id: string;
  name: string;
  asset_tag: string;
  category: string;
  location: string;
  status: AssetStatus;
  assignee: Person | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface AssetPage {
  data: Asset[];
  next_cursor: string | null;
}

export interface AssetFacets {
  categories: string[];
  locations: string[];
}

/** The fields a create or an edit sends (PATCH sends only what changed). */
export interface AssetFields {
  name: string;
  asset_tag: string;
  category: string;
  location: string;
  status: AssetStatus;
  assignee_id: string | null;
  notes: string;
}

/** A ticket linked to a movement: number and status only (titles are for those who may read the ticket). */
export interface MovementTicket {
  id: string;
  number: string;
  status: Status;
}

export interface Movement {
  id: string;
  asset_id: string;
  from_location: string;
  to_location: string;
  from_person: Person | null;
  to_person: Person | null;
  moved_at: string;
  note: string;
  recorded_by: { id: string; name: string } | null;
  /** Present with ITSM and movement_link on. */
  tickets?: MovementTicket[];
}

export interface NewMovement {
  to_location?: string;
  to_person_id?: string | null;
  moved_at?: string;
  note?: string;
}

/** A row of the asset's "Tickets" tab. */
/** A row of the asset's "Tickets" tab; someone else's ticket shows no title unless the viewer is an agent. */
export interface AssetTicket {
  id: string;
  number: string;
  /** null: the viewer may not read this ticket (someone else's). */
  title: string | null;
  /** The viewer may open it: an agent, or its reporter (on the desk). */
  readable: boolean;
  type: string;
  status: Status;
  movement_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The list's search and filters, as they stand in the address (?q=&category=&location=&status=). */
export interface AssetFilters {
  q: string;
  category: string;
  location: string;
  status: "" | AssetStatus;
}
