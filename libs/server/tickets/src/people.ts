/**
 * A LIKE pattern matching `text` anywhere, case-insensitively (compare against lower(column)), with the
 * wildcards the user typed (% and _) and the escape character matched literally. Null for no filter.
 */
export function containsPattern(text: string | undefined): string | null {
  const escaped = text
    ?.trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`);
  return escaped ? `%${escaped}%` : null;
}
