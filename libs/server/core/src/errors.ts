/**
 * The one error model. Domain code throws AppError(code, detail); `problemFor` is the one exhaustive map
 * from code to HTTP status and RFC 9457 problem+json. Anything else is a 500 whose details stay in the log.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  feature_disabled: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  quota_exceeded: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "The request is not valid",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  feature_disabled: "Feature not enabled",
  csrf_failed: "Missing or wrong CSRF token",
  not_found: "Not found",
  conflict: "Conflict",
  invalid_transition: "Status change not allowed",
  quota_exceeded: "Quota exceeded",
  payload_too_large: "Request too large",
  unsupported_media_type: "Unsupported media type",
  too_many_requests: "Too many requests",
  unavailable: "Service unavailable",
};

export interface FieldError {
  /** JSON path of the field, e.g. "email" or "permissions.2". */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} does not exist.`);

/** One invalid field: a 422 naming it. */
export function invalidField(field: string, message: string): AppError {
  return new AppError("validation_failed", `${field}: ${message}`, { errors: [{ field, message }] });
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export function problemFor(err: AppError): Problem {
  return {
    type: `https://uslimato.dev/problems/${err.code.replaceAll("_", "-")}`,
    title: TITLES[err.code],
    status: ERROR_STATUS[err.code],
    detail: err.message,
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}
