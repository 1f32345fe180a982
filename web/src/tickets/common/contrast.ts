import type { CSSProperties } from "react";

/**
 * Mantine's error red (shade 6) is below 4.5:1 on white; forms in the ticket pages use shade 8 for field
 * messages and invalid inputs. (Set on the form, so it also reaches dialogs rendered in a portal.)
 */
export const readableErrors = { "--mantine-color-error": "var(--mantine-color-red-8)" } as CSSProperties;

/**
 * Alert titles in the text colour: Mantine's coloured titles (even shade 9 green) stay below 4.5:1 on
 * the tinted background. The tint and the icon still carry the colour.
 */
export function readableAlert(_color: string) {
  return { title: { color: "var(--mantine-color-text)" } };
}
