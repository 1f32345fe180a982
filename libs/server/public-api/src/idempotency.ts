import crypto from "node:crypto";

/** How long a stored response answers retries. */
export const KEEP_HOURS = 24;

export interface IdempotencyScope {
  tenantId: string;
  keyId: string;
  idempotencyKey: string;
  /** sha256 of method, route, parameters and body. */
  requestHash: string;
}

export interface IdempotentResult {
  status: number;
  /** The JSON body, exactly as first sent. */
  body: string;
  replayed: boolean;
}

/** A stable hash of a request: same method, route, parameters and (parsed) body ⇒ same hash. */
export function requestHash(method: string, route: string, params: unknown, body: unknown): string {
  return crypto
    .createHash("sha256")
    .update(`${method} ${route}\n${canonical(params)}\n${canonical(body)}`)
    .digest("hex");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
