import { featureEnabled, type LicenseState } from "@uslimato/domain";
import { invalidField } from "@uslimato/server-core";
import type { EntityManager } from "typeorm";
import type { HistoryEntry } from "./history.ts";

/** The asset and movement a new ticket asks to be linked to, as the flags let them through. */
export interface AssetLink {
  assetId: string | null;
  movementId: string | null;
}

/**
 * product.md §2: with `asset_integration` off an `asset_id` sent on create is ignored; with
 * `movement_link` off a `movement_id` is ignored. A movement belongs to an asset, so without the asset
 * link there is no movement link either.
 */
export function linkRequested(
  license: LicenseState | null,
  assetId: string | null | undefined,
  movementId: string | null | undefined,
): AssetLink {
  if (!featureEnabled(license, "asset_integration")) return { assetId: null, movementId: null };
  return {
    assetId: assetId ?? null,
    movementId: featureEnabled(license, "movement_link") ? (movementId ?? null) : null,
  };
}

/**
 * Checks a link in the caller's tenant transaction: the asset is one of the tenant's (row-level security
 * hides the others, so another tenant's asset is the same 422 as none) and the movement is one of ITS
 * moves. The foreign keys of the assets migration hold the same rule; this gives the clear message.
 */
export async function checkAssetLink(em: EntityManager, link: AssetLink): Promise<void> {
  if (link.movementId && !link.assetId) {
    throw invalidField("movement_id", "needs asset_id: a movement is linked together with its asset.");
  }
  if (!link.assetId) return;
  const rows: { asset: string; movement_asset: string | null }[] = await em.query(
    `select a.id as asset, m.asset_id as movement_asset
       from assets a left join asset_movements m on m.tenant_id = a.tenant_id and m.id = $2
      where a.id = $1`,
    [link.assetId, link.movementId],
  );
  const row = rows[0];
  if (!row) throw invalidField("asset_id", "is not an asset of this tenant.");
  if (link.movementId && row.movement_asset !== link.assetId) {
    throw invalidField("movement_id", "is not a movement of this asset.");
  }
}

/** How a linked asset and movement read in history entries ("LT-0042 Laptop", "2026-11-03 HQ → Lab"). */
export interface LinkLabels {
  asset: { tag: string; name: string } | null;
  movement: { moved_at: Date | string; from_location: string; to_location: string } | null;
}

export const assetLabel = (a: LinkLabels["asset"]) => (a ? `${a.tag} ${a.name}` : null);
export const movementLabel = (m: LinkLabels["movement"]) =>
  m
    ? `${new Date(m.moved_at).toISOString().slice(0, 10)} ${m.from_location || "—"} → ${m.to_location || "—"}`
    : null;

/** The history entries ("link") of a change of a ticket's asset or movement, from `before` to `after`. */
export function linkHistory(before: LinkLabels | null, after: LinkLabels): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const [oldAsset, newAsset] = [assetLabel(before?.asset ?? null), assetLabel(after.asset)];
  if (oldAsset !== newAsset) entries.push({ kind: "link", field: "asset", old: oldAsset, new: newAsset });
  const [oldMove, newMove] = [movementLabel(before?.movement ?? null), movementLabel(after.movement)];
  if (oldMove !== newMove) entries.push({ kind: "link", field: "movement", old: oldMove, new: newMove });
  return entries;
}
