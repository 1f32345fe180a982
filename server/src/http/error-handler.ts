import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type FieldError, problemFor } from "./errors.ts";

/** Fastify's own errors that are the client's fault, mapped onto our codes. */
const FASTIFY_CODES: Record<string, AppError["code"]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "bad_request",
  FST_ERR_CTP_EMPTY_JSON_BODY: "bad_request",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
};

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const errors: FieldError[] = error.validation.flatMap((v) => {
      const at = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
      // An unknown field is reported on the object that holds it: name each unknown key instead.
      const keys = (v.params as { keys?: unknown }).keys;
      if (v.keyword === "unrecognized_keys" && Array.isArray(keys) && keys.length > 0) {
        return keys.map((key) => ({
          field: at ? `${at}.${key}` : String(key),
          message: "is not a known field",
        }));
      }
      return [{ field: at || where, message: v.message ?? "is not valid" }];
    });
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    return new AppError("validation_failed", `The ${where} is not valid: ${detail}`, { errors });
  }
  const code = error.code && FASTIFY_CODES[error.code];
  if (code) {
    const detail =
      code === "bad_request" && error.code === "FST_ERR_CTP_INVALID_JSON_BODY"
        ? `The body is not valid JSON: ${error.message}`
        : error.message;
    return new AppError(code, detail);
  }
  if (error.statusCode === 429) return new AppError("too_many_requests", error.message);
  // A unique index refused a row that a concurrent request inserted after our own check (two tenants
  // with one slug created at once, say): the loser gets the same 409 the check would have given.
  if ((error as { code?: string }).code === "23505") {
    return new AppError(
      "conflict",
      "This already exists (created by another request at the same moment). Reload and try again.",
    );
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (!appError) {
      request.log.error({ err: error }, "unhandled error");
      return reply
        .status(500)
        .type("application/problem+json")
        .send({
          type: "https://uslimato.dev/problems/internal",
          title: "Internal error",
          status: 500,
          detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
        });
    }
    const problem = problemFor(appError);
    if (typeof problem.retryAfter === "number") reply.header("retry-after", String(problem.retryAfter));
    return reply.status(problem.status).type("application/problem+json").send(problem);
  });
}
