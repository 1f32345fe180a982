import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../db/database.ts";
import type { CursorSigner } from "../../modules/public-api/cursor.ts";
import type { IdempotentResult } from "../../modules/public-api/idempotency.ts";

/** What every resource's routes get. */
export interface PublicApiContext {
  db: Db;
  cursors: CursorSigner;
}

/**
 * One resource of the Public API (tickets now, assets later): its OpenAPI tag and its routes, relative
 * to /public/v1. Each route declares `config.access = { kind: "api-key", scope, feature? }` and zod
 * schemas for its input and its responses: that is all the guard, the validation and the OpenAPI
 * document need. Adding a resource = a file like tickets.ts + one line in resources.ts.
 */
export interface PublicResource {
  tag: { name: string; description: string };
  routes(ctx: PublicApiContext): (app: FastifyInstance) => Promise<void>;
}

/** Send a stored Idempotency-Key response byte for byte. */
export function sendStored(reply: FastifyReply, stored: IdempotentResult) {
  return reply
    .status(stored.status)
    .header("idempotent-replayed", String(stored.replayed))
    .type("application/json; charset=utf-8")
    .send(stored.body);
}

/** Security requirement of every key-protected operation, for the document. */
export const BEARER = [{ apiKey: [] }];
