import { Redis } from "ioredis";

/**
 * Per-key request limits: a fixed one-minute window per bucket ("key:<id>", or "ip:<address>" for
 * requests without a valid key). Shared by every server process through Redis when REDIS_URL is set;
 * in-process otherwise. If Redis cannot be reached a request is counted in-process instead (limits then
 * hold per process) rather than refused or left hanging.
 */
export const WINDOW_MS = 60_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
  exceeded: boolean;
}

export interface RateLimiter {
  hit(bucket: string, limit: number): Promise<RateLimitState>;
  /** Resolves once the limiter can count (Redis connected, or given up on after a moment). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Pure: the state after `count` requests in the window that started at `windowStart`. */
export function limitState(count: number, limit: number, windowStart: number, now: number): RateLimitState {
  return {
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
    exceeded: count > limit,
  };
}

export class InProcessLimiter implements RateLimiter {
  private readonly counts = new Map<string, number>();
  private window = 0;

  async hit(bucket: string, limit: number, now = Date.now()): Promise<RateLimitState> {
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear(); // fixed windows: nothing from the last minute is needed any more
    }
    const count = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, count);
    return limitState(count, limit, window * WINDOW_MS, now);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

const INCR_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

type HitCommand = (key: string, ttl: number) => Promise<number>;

export class RedisLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly fallback = new InProcessLimiter();
  private readonly onError: (err: unknown) => void;
  private lastErrorAt = 0;
  private readonly connected: Promise<void>;

  constructor(url: string, onError: (err: unknown) => void) {
    this.onError = onError;
    this.redis = new Redis(url, {
      // Fail fast while disconnected: the request is then counted in-process.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      // Concurrent requests' increments go out together: one write per event-loop turn, not per request.
      enableAutoPipelining: true,
    });
    this.redis.on("error", (err) => this.report(err));
    this.redis.defineCommand("uslimatoHit", { numberOfKeys: 1, lua: INCR_SCRIPT });
    this.connected = new Promise((resolve) => {
      this.redis.once("ready", resolve);
      setTimeout(resolve, 3000).unref();
    });
  }

  ready(): Promise<void> {
    return this.connected;
  }

  private report(err: unknown): void {
    // One log line per minute at most, however many requests fall back.
    if (Date.now() - this.lastErrorAt < WINDOW_MS) return;
    this.lastErrorAt = Date.now();
    this.onError(err);
  }

  async hit(bucket: string, limit: number): Promise<RateLimitState> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    try {
      const run = (this.redis as unknown as { uslimatoHit: HitCommand }).uslimatoHit;
      const count = await run.call(this.redis, `usl:rl:${bucket}:${window}`, WINDOW_MS + 5_000);
      return limitState(Number(count), limit, window * WINDOW_MS, now);
    } catch (err) {
      this.report(err);
      return this.fallback.hit(bucket, limit, now);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

export function createRateLimiter(
  redisUrl: string | undefined,
  onError: (err: unknown) => void,
): RateLimiter {
  return redisUrl ? new RedisLimiter(redisUrl, onError) : new InProcessLimiter();
}
