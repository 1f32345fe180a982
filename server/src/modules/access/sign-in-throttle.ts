import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Failures allowed in the window before each further attempt must wait, doubling from 30 s to 15 min.
 * Per account it is strict; per address looser, since many people can sit behind one NAT.
 */
export const FREE_FAILURES = 5;
const FREE_FAILURES_PER_ADDRESS = 50;
const WINDOW_MINUTES = 15;

/** Seconds a caller must still wait before the next attempt for `key`, 0 if none. Kept in the database,
 * so every server process sees the same count. */
export async function secondsToWait(db: Db, key: string): Promise<number> {
  const { rows } = await sql<{ n: number; last: Date | null }>`
    select count(*)::int as n, max(failed_at) as last from sign_in_failures
    where key = ${key} and failed_at > now() - make_interval(mins => ${WINDOW_MINUTES})`.execute(db);
  const { n = 0, last = null } = rows[0] ?? {};
  const free = key.includes("ip:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
  if (n < free || !last) return 0;
  const backoff = Math.min(30 * 2 ** (n - free), WINDOW_MINUTES * 60);
  return Math.max(0, Math.ceil((last.getTime() + backoff * 1000 - Date.now()) / 1000));
}

export async function assertMayTry(db: Db, keys: string[]): Promise<void> {
  let wait = 0;
  for (const key of keys) wait = Math.max(wait, await secondsToWait(db, key));
  if (wait > 0) {
    throw new AppError("too_many_requests", `Too many failed sign-ins. Try again in ${wait} seconds.`, {
      extra: { retryAfter: wait },
    });
  }
}

export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  await db
    .insertInto("sign_in_failures")
    .values(keys.map((key) => ({ key })))
    .execute();
  await db
    .deleteFrom("sign_in_failures")
    .where("failed_at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("key", "in", keys).execute();
}
