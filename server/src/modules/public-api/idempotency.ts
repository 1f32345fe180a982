import crypto from "node:crypto";
import { sql } from "kysely";
import { type Db, inTenant, type Tx } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";

/**
 * `Idempotency-Key` on POST: the response of the first request is stored in the transaction that made
 * the change (ticket or comment and the record commit together, or neither does), keyed by tenant, API
 * key and Idempotency-Key, for 24 hours. A retry with the same request gets the stored response; the
 * same Idempotency-Key with a different request is refused (422). Two identical requests racing: the
 * second one's transaction rolls back at the record's unique key and it answers with the first's
 * response. A request that failed stored nothing (it changed nothing) and may be retried as is.
 */
export const KEEP_HOURS = 24;

export interface IdempotencyScope {
  tenantId: string;
  keyId: string;
  idempotencyKey: string;
  /** sha256 of method, route, parameters and body. */
  requestHash: string;
}

export interface IdempotentResult {
  status: number;
  /** The JSON body, exactly as first sent. */
  body: string;
  replayed: boolean;
}

/** A stable hash of a request: same method, route, parameters and (parsed) body ⇒ same hash. */
export function requestHash(method: string, route: string, params: unknown, body: unknown): string {
  return crypto
    .createHash("sha256")
    .update(`${method} ${route}\n${canonical(params)}\n${canonical(body)}`)
    .digest("hex");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

class LostRace extends Error {}

async function stored(db: Db, scope: IdempotencyScope): Promise<IdempotentResult | null> {
  const row = await inTenant(db, scope.tenantId, (tx) =>
    tx
      .selectFrom("api_idempotency")
      .select(["request_hash", "status_code", "response"])
      .where("key_id", "=", scope.keyId)
      .where("idempotency_key", "=", scope.idempotencyKey)
      .where("created_at", ">", sql<Date>`now() - make_interval(hours => ${KEEP_HOURS})`)
      .executeTakeFirst(),
  );
  if (!row) return null;
  if (row.request_hash !== scope.requestHash) {
    throw new AppError(
      "validation_failed",
      "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
      { errors: [{ field: "Idempotency-Key", message: "was already used with a different request" }] },
    );
  }
  return { status: row.status_code, body: row.response, replayed: true };
}

/**
 * Run a write once per Idempotency-Key. `run` gets the hook to pass to the service as `beforeCommit`;
 * `encode` turns the service's result into the response body (the same encoding the route uses).
 */
export async function runIdempotent<T>(
  db: Db,
  scope: IdempotencyScope,
  status: number,
  encode: (result: T) => string,
  run: (beforeCommit: (tx: Tx, result: T) => Promise<void>) => Promise<T>,
): Promise<IdempotentResult> {
  const earlier = await stored(db, scope);
  if (earlier) return earlier;
  let body = "";
  try {
    await run(async (tx, result) => {
      body = encode(result);
      // An expired record with the same key is replaced; a live one means another request won.
      const saved = await sql<{ key_id: string }>`
        insert into api_idempotency (tenant_id, key_id, idempotency_key, request_hash, status_code, response)
        values (${scope.tenantId}, ${scope.keyId}, ${scope.idempotencyKey}, ${scope.requestHash}, ${status}, ${body})
        on conflict (tenant_id, key_id, idempotency_key) do update
          set request_hash = excluded.request_hash, status_code = excluded.status_code,
              response = excluded.response, created_at = now()
          where api_idempotency.created_at <= now() - make_interval(hours => ${KEEP_HOURS})
        returning key_id`.execute(tx);
      if (saved.rows.length === 0) throw new LostRace();
    });
  } catch (err) {
    if (!(err instanceof LostRace)) throw err;
    const winner = await stored(db, scope);
    if (!winner) throw new AppError("conflict", "A request with this Idempotency-Key is in progress. Retry.");
    return winner;
  }
  return { status, body, replayed: false };
}

/** Records older than KEEP_HOURS, all tenants (owner connection; housekeeping, run now and then). */
export async function unsafePurgeIdempotency(db: Db): Promise<number> {
  const result =
    await sql`delete from api_idempotency where created_at < now() - make_interval(hours => ${KEEP_HOURS})`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0);
}
