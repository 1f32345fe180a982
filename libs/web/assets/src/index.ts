// The host platform's assets in the agent shell (/assets): the list, the asset page with its history tabs
// ("Overview", "Movements", "Tickets") and "Report issue".

export { ASSETS_ROUTES } from "./lib/assets.routes.ts";
export type { Asset, AssetStatus, Movement } from "./lib/types.ts";
