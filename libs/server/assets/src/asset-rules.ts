import { invalidField } from "@uslimato/server-core";

/**
 * The assets' pure rules: list cursors, search words, and the message of a refused deletion.
 */

/** Where a page of the list (ordered by name, then id) stops: the last row's name and id. */
export interface AssetCursor {
  name: string;
  id: string;
}

export function encodeAssetCursor(c: AssetCursor): string {
  return Buffer.from(JSON.stringify([c.name, c.id])).toString("base64url");
}

/** The cursor, or a 422 naming `cursor` (never a silent first page). */
export function decodeAssetCursor(cursor: string): AssetCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // falls through to the 422
  }
  throw invalidField("cursor", "is not a cursor of this list. Start again without it.");
}

/**
 * Search text as a prefix query over the words of name and tag ("lapt 00" finds "Laptop LT-0042"):
 * every word must match the start of a word. Only letters and digits reach the tsquery, so its syntax
 * (&, |, !, :) cannot be injected. null when nothing searchable is left.
 */
export function searchTsQuery(text: string | undefined): string | null {
  const words = (text ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 8)
    .map((w) => `${w}:*`)
    .join(" & ");
}

/** product.md §2: the refusal lists the ticket numbers that still need the asset. */
export function deletionBlockedMessage(tag: string, numbers: readonly string[]): string {
  const shown = numbers.slice(0, 20).join(", ");
  const more = numbers.length > 20 ? ` and ${numbers.length - 20} more` : "";
  const noun = numbers.length === 1 ? "ticket that is" : "tickets that are";
  return `The asset ${tag} cannot be deleted: ${numbers.length} ${noun} not closed or cancelled refer${numbers.length === 1 ? "s" : ""} to it (${shown}${more}). Close or cancel them first.`;
}

/** A move must change where the asset is or who has it. */
export function assertMoves(
  current: { location: string; assigneeId: string | null },
  to: { location: string; personId: string | null },
): void {
  if (current.location === to.location && current.assigneeId === to.personId) {
    throw invalidField(
      "to_location",
      "is where the asset already is, with the same person: a movement changes the location or the person.",
    );
  }
}
