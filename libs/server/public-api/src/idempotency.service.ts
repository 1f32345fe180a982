import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { AppError } from "@uslimato/server-core";
import { ApiIdempotencyRecord, inTenant, unscoped } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";
import { type IdempotencyScope, type IdempotentResult, KEEP_HOURS } from "./idempotency.ts";

/** The hook a service runs inside its transaction, just before COMMIT (`beforeCommit`). */
export type BeforeCommit<T> = (em: EntityManager, result: T) => Promise<void>;

class LostRace extends Error {}

/**
 * `Idempotency-Key` on POST: the response of the first request is stored in the transaction that made
 * the change (ticket or comment and the record commit together, or neither does), keyed by tenant, API
 * key and Idempotency-Key, for 24 hours. A retry with the same request gets the stored response; the
 * same Idempotency-Key with a different request is refused (422). Two identical requests racing: the
 * second one's transaction rolls back at the record's unique key and it answers with the first's
 * response. A request that failed stored nothing (it changed nothing) and may be retried as is.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger("PublicApiIdempotency");
  private purge: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    // Records live 24 hours; expired ones are also overwritten on reuse, this only frees space.
    this.purge = setInterval(
      () =>
        void this.unsafePurge().catch((err) => this.logger.warn(`idempotency purge failed: ${String(err)}`)),
      3600_000,
    );
    this.purge.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purge);
  }

  /**
   * Run a write once per Idempotency-Key. `run` gets the hook to pass to the service as `beforeCommit`;
   * `encode` turns the service's result into the response body (the same encoding the route uses).
   */
  async run<T>(
    scope: IdempotencyScope,
    status: number,
    encode: (result: T) => string,
    run: (beforeCommit: BeforeCommit<T>) => Promise<T>,
  ): Promise<IdempotentResult> {
    const earlier = await this.stored(scope);
    if (earlier) return earlier;
    let body = "";
    try {
      await run(async (em, result) => {
        body = encode(result);
        // An expired record with the same key is replaced; a live one means another request won. One
        // statement (a conditional upsert, which the query builder cannot say) inside the service's
        // transaction, so the record commits with the ticket or comment.
        const saved: { key_id: string }[] = await em.query(
          `insert into api_idempotency (tenant_id, key_id, idempotency_key, request_hash, status_code, response)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (tenant_id, key_id, idempotency_key) do update
             set request_hash = excluded.request_hash, status_code = excluded.status_code,
                 response = excluded.response, created_at = now()
             where api_idempotency.created_at <= now() - make_interval(hours => $7)
           returning key_id`,
          [scope.tenantId, scope.keyId, scope.idempotencyKey, scope.requestHash, status, body, KEEP_HOURS],
        );
        if (saved.length === 0) throw new LostRace();
      });
    } catch (err) {
      if (!(err instanceof LostRace)) throw err;
      const winner = await this.stored(scope);
      if (!winner)
        throw new AppError("conflict", "A request with this Idempotency-Key is in progress. Retry.");
      return winner;
    }
    return { status, body, replayed: false };
  }

  private async stored(scope: IdempotencyScope): Promise<IdempotentResult | null> {
    const row = await inTenant(
      this.dataSource,
      scope.tenantId,
      (em) =>
        em
          .getRepository(ApiIdempotencyRecord)
          .createQueryBuilder("r")
          .where("r.keyId = :keyId", { keyId: scope.keyId })
          .andWhere("r.idempotencyKey = :key", { key: scope.idempotencyKey })
          .andWhere("r.createdAt > now() - make_interval(hours => :hours)", { hours: KEEP_HOURS })
          .getOne(),
      { readOnly: true },
    );
    if (!row) return null;
    if (row.requestHash !== scope.requestHash) {
      throw new AppError(
        "validation_failed",
        "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
        { errors: [{ field: "Idempotency-Key", message: "was already used with a different request" }] },
      );
    }
    return { status: row.statusCode, body: row.response, replayed: true };
  }

  /** Records older than KEEP_HOURS, all tenants (no tenant scope: housekeeping, run now and then). */
  async unsafePurge(): Promise<number> {
    const result = await unscoped(this.dataSource, (em) =>
      em
        .createQueryBuilder()
        .delete()
        .from(ApiIdempotencyRecord)
        .where("created_at < now() - make_interval(hours => :hours)", { hours: KEEP_HOURS })
        .execute(),
    );
    return result.affected ?? 0;
  }
}
