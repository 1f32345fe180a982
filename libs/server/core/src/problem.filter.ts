import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, type ErrorCode, problemFor } from "./errors.ts";

/** Fastify's own errors that are the client's fault (body parsing happens before Nest sees the request). */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "bad_request",
  FST_ERR_CTP_EMPTY_JSON_BODY: "bad_request",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
};

/** Nest's HTTP exceptions (its router's 404, a parse pipe's 400, …) by status. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "too_many_requests",
  503: "unavailable",
};

interface FastifyCoded {
  code?: string;
  message?: string;
}

function fromFastify({ code = "", message = "" }: FastifyCoded): AppError {
  const detail =
    code === "FST_ERR_CTP_INVALID_JSON_BODY" ? `The body is not valid JSON: ${message}` : message;
  return new AppError(FASTIFY_CODES[code] ?? "bad_request", detail);
}

/** Map anything thrown while serving a request onto the one error model, or null for a real failure. */
export function toAppError(error: unknown, request?: FastifyRequest): AppError | null {
  if (error instanceof AppError) return error;
  // Nest hands Fastify's own errors (body parsing) on as an HttpException whose cause is the original.
  const fastifyError = error instanceof HttpException ? (error.cause as FastifyCoded | undefined) : undefined;
  if (fastifyError?.code && FASTIFY_CODES[fastifyError.code]) return fromFastify(fastifyError);
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()];
    if (!code) return null;
    if (code === "not_found" && request) {
      return new AppError("not_found", `There is no ${request.method} ${request.url.split("?")[0]}.`);
    }
    return new AppError(code, error.message);
  }
  const { code } = error as FastifyCoded;
  if (code && FASTIFY_CODES[code]) return fromFastify(error as FastifyCoded);
  // A unique index refused a row that a concurrent request inserted after our own check (two tenants
  // with one slug created at once, say): the loser gets the same 409 the check would have given.
  if (code === "23505" || (error as { driverError?: { code?: string } }).driverError?.code === "23505") {
    return new AppError(
      "conflict",
      "This already exists (created by another request at the same moment). Reload and try again.",
    );
  }
  return null;
}

/**
 * The one exception filter: every error leaves as RFC 9457 `application/problem+json`. Anything that is
 * not a known error is a 500 whose details stay in the log, with the request id to quote.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger("ProblemFilter");

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply, this.logger);
  }
}

export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): void {
  if (reply.sent) return;
  const appError = toAppError(error, request);
  if (!appError) {
    logger.error(`request ${request.id} failed: ${(error as Error)?.stack ?? String(error)}`);
    void reply
      .status(500)
      .type("application/problem+json")
      .send({
        type: "https://uslimato.dev/problems/internal",
        title: "Internal error",
        status: 500,
        detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
      });
    return;
  }
  const problem = problemFor(appError);
  if (typeof problem.retryAfter === "number") void reply.header("retry-after", String(problem.retryAfter));
  void reply.status(problem.status).type("application/problem+json").send(problem);
}
