import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../db/database.ts";
import type { ApiKeyAuthenticator, ApiKeyCaller } from "../../http/access.ts";
import { AppError } from "../../http/errors.ts";
import { DEFAULT_RATE_LIMIT, unsafeResolveApiKey } from "./api-keys.ts";
import { type RateLimiter, type RateLimitState, WINDOW_MS } from "./rate-limit.ts";
import { keyPermissions } from "./scopes.ts";

/** Rate-limit headers (IETF draft "RateLimit header fields for HTTP"), on every Public API response. */
export function setRateLimitHeaders(reply: FastifyReply, state: RateLimitState): void {
  reply.header("ratelimit-limit", String(state.limit));
  reply.header("ratelimit-remaining", String(state.remaining));
  reply.header("ratelimit-reset", String(state.resetSeconds));
  reply.header("ratelimit-policy", `${state.limit};w=${WINDOW_MS / 1000}`);
}

/**
 * The Public API half of the access guard (http/access.ts calls it for routes declared `api-key`):
 * one lookup resolves the key, its owner's current permissions and the tenant's license; then the
 * key's per-minute limit is counted (requests without a valid key count against their address) and
 * the RateLimit headers are set, before anything can refuse the request.
 */
export class ApiKeyGate implements ApiKeyAuthenticator {
  private readonly database: Database;
  private readonly limiter: RateLimiter;

  constructor(database: Database, limiter: RateLimiter) {
    this.database = database;
    this.limiter = limiter;
  }

  /** Routes without a key (the document, the reference page): limited per address, same headers. */
  async limitByAddress(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const state = await this.limiter.hit(`ip:${request.ip}`, DEFAULT_RATE_LIMIT);
    setRateLimitHeaders(reply, state);
    if (state.exceeded) {
      throw new AppError(
        "too_many_requests",
        `This address may make ${state.limit} requests a minute. Retry in ${state.resetSeconds} s.`,
        { extra: { retryAfter: state.resetSeconds } },
      );
    }
  }

  async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<ApiKeyCaller> {
    const lookup = await unsafeResolveApiKey(
      this.database.pool,
      this.database.mode === "postgres",
      request.headers.authorization,
    );
    const state = lookup.ok
      ? await this.limiter.hit(`key:${lookup.key.keyId}`, lookup.key.rateLimit)
      : await this.limiter.hit(`ip:${request.ip}`, DEFAULT_RATE_LIMIT);
    setRateLimitHeaders(reply, state);
    if (lookup.ok) {
      const key = lookup.key;
      request.apiKey = {
        keyId: key.keyId,
        tenantId: key.tenantId,
        userId: key.ownerId,
        scopes: key.scopes,
        permissions: keyPermissions(key.scopes),
        license: key.license,
      };
    }
    if (state.exceeded) {
      throw new AppError(
        "too_many_requests",
        `${lookup.ok ? "This API key" : "This address"} may make ${state.limit} requests a minute. Retry in ${state.resetSeconds} s.`,
        { extra: { retryAfter: state.resetSeconds } },
      );
    }
    if (!lookup.ok || !request.apiKey) {
      reply.header("www-authenticate", 'Bearer realm="uslimato"');
      throw new AppError("unauthenticated", lookup.ok ? "Send an API key." : lookup.reason);
    }
    return request.apiKey;
  }
}
