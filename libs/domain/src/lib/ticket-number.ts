/** Ticket numbers: PREFIX- + counter zero-padded to at least 6 digits (TKT-000001 … TKT-1000000). */
export const PREFIX_RE = /^[A-Z][A-Z0-9]{1,9}$/;
export const DEFAULT_PREFIX = "TKT";

export function formatNumber(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, "0")}`;
}

/** "TKT-000042" → { prefix: "TKT", n: 42 }; null if it is not a ticket number. */
export function parseNumber(text: string): { prefix: string; n: number } | null {
  const m = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,15})$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) && n > 0 ? { prefix: (m[1] as string).toUpperCase(), n } : null;
}

export function prefixProblem(prefix: string): string | null {
  return PREFIX_RE.test(prefix)
    ? null
    : "must be 2–10 characters, A–Z and 0–9, starting with a letter (e.g. TKT).";
}
