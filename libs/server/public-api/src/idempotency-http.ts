import { AppError } from "@uslimato/server-core";
import type { FastifyReply } from "fastify";
import type { IdempotentResult } from "./idempotency.ts";

/** The `Idempotency-Key` header, if sent: 1–255 characters (else 422, as the old header schema said). */
export function idempotencyKeyOf(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  const message =
    typeof header !== "string"
      ? "Invalid input: expected string"
      : header.length < 1
        ? "Too small: expected string to have >=1 characters"
        : header.length > 255
          ? "Too big: expected string to have <=255 characters"
          : null;
  if (message === null) return header as string;
  throw new AppError("validation_failed", `The headers is not valid: idempotency-key: ${message}`, {
    errors: [{ field: "idempotency-key", message }],
  });
}

export function isStoredResponse(value: object): value is IdempotentResult {
  return "replayed" in value && "body" in value && typeof (value as IdempotentResult).body === "string";
}

/**
 * A result as the answer: the JSON object, or — for a request with an Idempotency-Key — the stored
 * response byte for byte, with `Idempotent-Replayed` saying whether it is a replay.
 */
export function sendResult<T extends object>(reply: FastifyReply, result: T | IdempotentResult): T | string {
  if (!isStoredResponse(result)) return result;
  reply
    .status(result.status)
    .header("idempotent-replayed", String(result.replayed))
    .type("application/json; charset=utf-8");
  return result.body;
}
