import { AppError } from "@uslimato/server-core";
import type { FastifyInstance } from "fastify";
import { ACTION_LINK_PATH } from "./action-links.ts";

/**
 * HTML forms post application/x-www-form-urlencoded, and the confirm/reject pages are plain forms (they
 * work without script). Everywhere else bodies stay JSON only: there the same content type is a 415,
 * as before. Call on the Fastify instance before it is ready (createApp does).
 */
export function registerActionFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 64 * 1024 },
    (request, body, done) => {
      if (!request.url.startsWith(`${ACTION_LINK_PATH}/`)) {
        done(new AppError("unsupported_media_type", "Send the body as application/json."), undefined);
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}
