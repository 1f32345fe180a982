/** A field-level validation message from a problem+json `errors` array. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem answered by the server (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly type: string | undefined;
  readonly errors: FieldError[];
  /** The whole parsed body, for endpoints that add their own members (e.g. `tenants` on sign-in). */
  readonly body: Record<string, unknown>;

  constructor(status: number, detail: string, body: Record<string, unknown> = {}) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.type = typeof body.type === "string" ? body.type : undefined;
    this.errors = Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [];
    this.body = body;
  }
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FieldError).field === "string" &&
    typeof (value as FieldError).message === "string"
  );
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

/**
 * Field errors keyed by field name, ready for `form.setErrors`. Nested paths map to their first part. The
 * server's messages may be fragments ("is required"); given the field's label they read as a sentence
 * ("Email is required").
 */
export function fieldErrors(error: unknown, labels: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { field, message } of error.errors) {
    const key = field.split(".")[0] ?? field;
    const label = labels[key];
    const sentence = label && /^[a-z]/.test(message) ? `${label} ${message}` : message;
    result[key] ??= sentence.charAt(0).toUpperCase() + sentence.slice(1);
  }
  return result;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
