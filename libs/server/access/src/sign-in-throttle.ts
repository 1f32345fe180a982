import { Injectable } from "@nestjs/common";
import { AppError } from "@uslimato/server-core";
import { SignInFailure, unscoped } from "@uslimato/server-data";
import { DataSource, In } from "typeorm";

/**
 * Failures allowed in the window before each further attempt must wait, doubling from 30 s to 15 min.
 * Per account it is strict; per address looser, since many people can sit behind one NAT.
 */
export const FREE_FAILURES = 5;
const FREE_FAILURES_PER_ADDRESS = 50;
const WINDOW_MINUTES = 15;

/**
 * Slows down repeated failed sign-ins (users and operators). Kept in the database, so every server
 * process sees the same count; the table belongs to no tenant, so it is used unscoped.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds a caller must still wait before the next attempt for `key`, 0 if none. */
  async secondsToWait(key: string): Promise<number> {
    // One aggregate over a table without a primary key (see the SignInFailure entity): plain SQL.
    const rows: { n: number; last: Date | null }[] = await unscoped(
      this.dataSource,
      (em) =>
        em.query(
          `select count(*)::int as n, max(failed_at) as last from sign_in_failures
           where key = $1 and failed_at > now() - make_interval(mins => $2)`,
          [key, WINDOW_MINUTES],
        ),
      { readOnly: true },
    );
    const { n = 0, last = null } = rows[0] ?? {};
    const free = key.includes("ip:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
    if (n < free || !last) return 0;
    const backoff = Math.min(30 * 2 ** (n - free), WINDOW_MINUTES * 60);
    return Math.max(0, Math.ceil((last.getTime() + backoff * 1000 - Date.now()) / 1000));
  }

  /** 429 with Retry-After when any of the keys must still wait. */
  async assertMayTry(keys: string[]): Promise<void> {
    let wait = 0;
    for (const key of keys) wait = Math.max(wait, await this.secondsToWait(key));
    if (wait > 0) {
      throw new AppError("too_many_requests", `Too many failed sign-ins. Try again in ${wait} seconds.`, {
        extra: { retryAfter: wait },
      });
    }
  }

  async recordFailure(keys: string[]): Promise<void> {
    await unscoped(this.dataSource, async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(SignInFailure)
        .values(keys.map((key) => ({ key })))
        .updateEntity(false)
        .execute();
      await em
        .createQueryBuilder()
        .delete()
        .from(SignInFailure)
        .where("failed_at < now() - interval '1 day'")
        .execute();
    });
  }

  async clearFailures(keys: string[]): Promise<void> {
    await unscoped(this.dataSource, (em) => em.getRepository(SignInFailure).delete({ key: In(keys) }));
  }
}
