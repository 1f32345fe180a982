/** An asset's status (assets.status has the same SQL check). */
export const ASSET_STATUSES = ["in_use", "in_stock", "in_repair", "retired"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
