import type { Database } from "../../db/database.ts";
import { ApiKeyGate } from "./gate.ts";
import { unsafePurgeIdempotency } from "./idempotency.ts";
import { UsageMeter } from "./metering.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";

/** What the Public API keeps per server process: the key gate, the limiter, the usage meter. */
export interface PublicApi {
  gate: ApiKeyGate;
  limiter: RateLimiter;
  meter: UsageMeter;
  close(): Promise<void>;
}

export function createPublicApi(
  database: Database,
  redisUrl: string | undefined,
  onError: (message: string, err: unknown) => void,
): PublicApi {
  const db = database.db;
  const limiter = createRateLimiter(redisUrl, (err) =>
    onError("rate limiter: Redis unreachable, counting in-process", err),
  );
  const meter = new UsageMeter(db, (err) => onError("usage meter: flush failed, will retry", err));
  // Idempotency records live 24 hours; expired ones are also overwritten on reuse, this only frees space.
  const purge = setInterval(
    () => void unsafePurgeIdempotency(db).catch((err) => onError("idempotency purge failed", err)),
    3600_000,
  );
  purge.unref();
  return {
    gate: new ApiKeyGate(database, limiter),
    limiter,
    meter,
    async close() {
      clearInterval(purge);
      await meter.close();
      await limiter.close();
    },
  };
}
