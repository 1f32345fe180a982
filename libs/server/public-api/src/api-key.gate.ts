import { Injectable } from "@nestjs/common";
import { type ApiKeyAuthenticator, type ApiKeyCaller, AppError } from "@uslimato/server-core";
import { type Database, InjectDatabase, poolOf } from "@uslimato/server-data";
import type { FastifyReply, FastifyRequest } from "fastify";
import { DEFAULT_RATE_LIMIT, unsafeResolveApiKey } from "./api-key-lookup.ts";
import { RateLimitService } from "./rate-limit.service.ts";
import { type RateLimitState, WINDOW_MS } from "./rate-limit.ts";
import { keyPermissions } from "./scopes.ts";

/** Rate-limit headers (IETF draft "RateLimit header fields for HTTP"), on every Public API response. */
export function setRateLimitHeaders(reply: FastifyReply, state: RateLimitState): void {
  reply.header("ratelimit-limit", String(state.limit));
  reply.header("ratelimit-remaining", String(state.remaining));
  reply.header("ratelimit-reset", String(state.resetSeconds));
  reply.header("ratelimit-policy", `${state.limit};w=${WINDOW_MS / 1000}`);
}

function tooManyRequests(who: string, state: RateLimitState): AppError {
  return new AppError(
    "too_many_requests",
    `${who} may make ${state.limit} requests a minute. Retry in ${state.resetSeconds} s.`,
    { extra: { retryAfter: state.resetSeconds } },
  );
}

/**
 * The Public API half of the access guard (the core's AccessGuard calls it for routes declared
 * `api-key`): one lookup resolves the key, its owner's status and the tenant's license; then the
 * key's per-minute limit is counted (requests without a valid key count against their address) and
 * the RateLimit headers are set, before anything can refuse the request.
 *
 * It runs once per request: PublicApiHooks calls it as soon as the request arrives (before its body is
 * parsed, so a 400/413/415 carries the headers too and a bad key is a 401 first), and the guard's later
 * call gets the same answer.
 */
@Injectable()
export class ApiKeyGate implements ApiKeyAuthenticator {
  private readonly answers = new WeakMap<FastifyRequest, Promise<ApiKeyCaller>>();

  constructor(
    @InjectDatabase() private readonly database: Database,
    private readonly limiter: RateLimitService,
  ) {}

  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<ApiKeyCaller> {
    let answer = this.answers.get(request);
    if (!answer) {
      answer = this.resolve(request, reply);
      this.answers.set(request, answer);
    }
    return answer;
  }

  /** Routes without a key (the document, the reference page): limited per address, same headers. */
  async limitByAddress(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const state = await this.limiter.hit(`ip:${request.ip}`, DEFAULT_RATE_LIMIT);
    setRateLimitHeaders(reply, state);
    if (state.exceeded) throw tooManyRequests("This address", state);
  }

  private async resolve(request: FastifyRequest, reply: FastifyReply): Promise<ApiKeyCaller> {
    const lookup = await unsafeResolveApiKey(
      poolOf(this.database.dataSource),
      this.database.preparedStatements,
      request.headers.authorization,
    );
    const state = lookup.ok
      ? await this.limiter.hit(`key:${lookup.key.keyId}`, lookup.key.rateLimit)
      : await this.limiter.hit(`ip:${request.ip}`, DEFAULT_RATE_LIMIT);
    setRateLimitHeaders(reply, state);
    const caller: ApiKeyCaller | null = lookup.ok
      ? {
          keyId: lookup.key.keyId,
          tenantId: lookup.key.tenantId,
          userId: lookup.key.ownerId,
          scopes: lookup.key.scopes,
          permissions: keyPermissions(lookup.key.scopes),
          license: lookup.key.license,
        }
      : null;
    // Set before any refusal: a 429 of a valid key is metered like every other answer.
    (request as FastifyRequest & { apiKey?: ApiKeyCaller | null }).apiKey = caller;
    if (state.exceeded) throw tooManyRequests(caller ? "This API key" : "This address", state);
    if (!caller) {
      reply.header("www-authenticate", 'Bearer realm="uslimato"');
      throw new AppError("unauthenticated", lookup.ok ? "Send an API key." : lookup.reason);
    }
    return caller;
  }
}
