import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from "@nestjs/common";
import { type Config, InjectConfig } from "@uslimato/server-core";
import { createRateLimiter, type RateLimiter, type RateLimitState } from "./rate-limit.ts";

/** This process's rate limiter: Redis (REDIS_URL, shared by every process) or in-process. */
@Injectable()
export class RateLimitService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger("PublicApiRateLimit");
  private readonly limiter: RateLimiter;

  constructor(@InjectConfig() config: Config) {
    this.limiter = createRateLimiter(config.redisUrl, (err) =>
      this.logger.warn(`rate limiter: Redis unreachable, counting in-process: ${String(err)}`),
    );
  }

  hit(bucket: string, limit: number): Promise<RateLimitState> {
    return this.limiter.hit(bucket, limit);
  }

  /** Start counting only once Redis is connected (or given up on after a moment). */
  onModuleInit(): Promise<void> {
    return this.limiter.ready();
  }

  onApplicationShutdown(): Promise<void> {
    return this.limiter.close();
  }
}
