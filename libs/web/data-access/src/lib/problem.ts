import { HttpErrorResponse } from "@angular/common/http";

/** An RFC 9457 problem as the UI shows it: a message, and messages per form field. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  fieldErrors: Record<string, string>;
  /** The whole body, for endpoints that add their own members (e.g. `tenants` on sign-in). */
  body?: Record<string, unknown>;
}

/** What the HTTP layer throws for every failed call (see problemInterceptor). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiProblem";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** `errors: [{ field, message }]` keyed by the field's first path segment, as sentences. */
function fieldErrorsOf(body: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  const errors = Array.isArray(body.errors) ? body.errors : [];
  for (const e of errors) {
    if (!isRecord(e) || typeof e.field !== "string" || typeof e.message !== "string") continue;
    const key = e.field.split(".")[0] ?? e.field;
    result[key] ??= e.message.charAt(0).toUpperCase() + e.message.slice(1);
  }
  return result;
}

function fromResponse(err: HttpErrorResponse): Problem {
  const body = isRecord(err.error) ? err.error : {};
  if (err.status === 0) {
    return {
      status: 0,
      title: "Cannot reach the server",
      detail: "Cannot reach the server. Check your connection and try again.",
      fieldErrors: {},
    };
  }
  const title =
    typeof body.title === "string"
      ? body.title
      : err.status === 429
        ? "Too many attempts. Please wait a moment and try again."
        : `The server answered ${err.status} ${err.statusText}`.trim();
  const detail = typeof body.detail === "string" && body.detail ? body.detail : undefined;
  return { status: err.status, title, detail, fieldErrors: fieldErrorsOf(body), body };
}

/** The problem behind any thrown value: an API answer, a timeout, or a bug (status -1). */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiProblem) return err.problem;
  if (err instanceof HttpErrorResponse) return fromResponse(err);
  if (isRecord(err) && err.name === "TimeoutError") {
    return {
      status: 0,
      title: "The server did not answer in time",
      detail: "The server did not answer in time. Reload the page to see the current state.",
      fieldErrors: {},
    };
  }
  const message = err instanceof Error ? err.message : "Something went wrong.";
  return { status: -1, title: message, fieldErrors: {} };
}
