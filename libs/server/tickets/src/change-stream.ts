import type { FastifyReply, FastifyRequest } from "fastify";
import type { TicketChangeFeed } from "./ticket-change-feed.ts";

export const KEEP_ALIVE_MS = 25_000;

/**
 * Server-sent events: "changed" whenever any ticket of the tenant changes, so the queue refreshes itself.
 * The reply is hijacked and written raw; a comment line every 25 s keeps proxies from closing it; the
 * subscription ends when the client goes away (or the feed shuts down and ends the stream).
 */
export function streamTicketChanges(
  feed: TicketChangeFeed,
  tenantId: string,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.hijack();
  reply.raw.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  reply.raw.write("retry: 3000\n\n");
  const unsubscribe = feed.subscribe(
    tenantId,
    (version) => reply.raw.write(`event: changed\ndata: ${JSON.stringify({ version })}\n\n`),
    () => reply.raw.end(),
  );
  const keepAlive = setInterval(() => reply.raw.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  request.raw.on("close", stop);
  reply.raw.on("close", stop);
}
