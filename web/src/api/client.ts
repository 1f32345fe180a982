import { ApiError } from "./errors.ts";

/** A request that has not been answered after this long is given up (and reported) rather than spinning. */
const TIMEOUT_MS = 30_000;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * CSRF tokens per realm: tenant users and operators have separate sessions (and cookies), so each keeps
 * its own token. They are set from the session endpoints and the sign-in responses.
 */
const csrfTokens: { tenant: string | null; operator: string | null } = { tenant: null, operator: null };

export type Realm = keyof typeof csrfTokens;

export function setCsrfToken(realm: Realm, token: string | null): void {
  csrfTokens[realm] = token;
}

export function hasCsrfToken(realm: Realm): boolean {
  return csrfTokens[realm] !== null;
}

function realmOf(path: string): Realm {
  return path.startsWith("/api/operator") ? "operator" : "tenant";
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const problem = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const detail =
    (typeof problem.detail === "string" && problem.detail) ||
    (typeof problem.title === "string" && problem.title) ||
    (response.status === 429
      ? "Too many attempts. Please wait a moment and try again."
      : `The server answered ${response.status} ${response.statusText}`.trim());
  return new ApiError(response.status, detail, problem);
}

/** Calls the internal JSON API. Resolves with the parsed body; rejects with an ApiError. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const token = csrfTokens[realmOf(path)];
  if (method !== "GET" && token) headers["x-csrf-token"] = token;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      throw new ApiError(0, "The server did not answer in time. Reload the page to see the current state.");
    }
    throw new ApiError(0, "Cannot reach the server. Check your connection and try again.");
  }
  const parsed = await parseBody(response);
  if (!response.ok) throw toApiError(response, parsed);
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};
