import { featureEnabled, type LicenseState } from "@uslimato/domain";
import type { CommentJson, PersonJson, TicketJson } from "./dto/public-responses.dto.ts";

/**
 * The Public API's JSON, field by field as the OpenAPI document describes it (dto/public-responses.dto.ts):
 * what the tickets service returns may carry more, and only the documented fields leave, in a fixed
 * order (an Idempotency-Key replay sends the very bytes of the first answer).
 */
type When = Date | string;
const iso = (d: When) => new Date(d).toISOString();
const isoOrNull = (d: When | null | undefined) => (d == null ? null : iso(d));

export interface TicketLike {
  id: string;
  number: string;
  type: string;
  status: string;
  priority: string;
  title: string;
  description: string;
  reporter: PersonJson;
  assignee: PersonJson | null;
  asset_id: string | null;
  movement_id: string | null;
  cancel_reason: string | null;
  created_at: When;
  updated_at: When;
  resolved_at: When | null;
  closed_at: When | null;
}

export interface CommentLike {
  id: string;
  body: string;
  visibility: string;
  author: { id: string; name: string } | null;
  created_at: When;
}

const person = (p: PersonJson): PersonJson => ({ id: p.id, name: p.name, email: p.email });

/**
 * `license`: the links whose flag is off are hidden (product.md §2: asset_integration off hides the asset
 * link; movement_link off the movement link).
 */
export function ticketJson(t: TicketLike, license?: LicenseState | null): TicketJson {
  const assetShown = license === undefined || featureEnabled(license, "asset_integration");
  const movementShown = assetShown && (license === undefined || featureEnabled(license, "movement_link"));
  return {
    id: t.id,
    number: t.number,
    type: t.type as TicketJson["type"],
    status: t.status as TicketJson["status"],
    priority: t.priority as TicketJson["priority"],
    title: t.title,
    description: t.description,
    reporter: person(t.reporter),
    assignee: t.assignee ? person(t.assignee) : null,
    asset_id: assetShown ? t.asset_id : null,
    movement_id: movementShown ? t.movement_id : null,
    cancel_reason: t.cancel_reason,
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
    resolved_at: isoOrNull(t.resolved_at),
    closed_at: isoOrNull(t.closed_at),
  };
}

export function commentJson(c: CommentLike): CommentJson {
  return {
    id: c.id,
    body: c.body,
    visibility: c.visibility as CommentJson["visibility"],
    author: c.author ? { id: c.author.id, name: c.author.name } : null,
    created_at: iso(c.created_at),
  };
}
