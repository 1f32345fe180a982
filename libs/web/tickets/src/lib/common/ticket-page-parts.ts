import { AREAS, type Session } from "@uslimato/web-data-access";
import type { TicketAsset } from "./types.ts";

/**
 * Reads (once) the "just created" mark a New ticket dialog leaves in the history entry's state
 * (`router.navigate([...], { state: { created: number } })`): the ticket page greets its new ticket once,
 * not again on reload or back.
 */
export function takeCreatedMark(): string | null {
  const state = (globalThis.history?.state ?? null) as { created?: string } | null;
  if (!state?.created) return null;
  globalThis.history.replaceState({ ...state, created: undefined }, "");
  return state.created;
}

/** `/assets/<id>` of a ticket's asset for users of the assets area; a deleted asset has no page. */
export function assetPageLink(asset: TicketAsset | null | undefined, session: Session | null): string | null {
  return asset && !asset.deleted && session && AREAS.assets(session) ? `/assets/${asset.id}` : null;
}
