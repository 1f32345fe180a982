import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { dummyVerify, hashPassword, passwordWeakness, verifyPassword } from "../access/passwords.ts";
import { assertMayTry, clearFailures, recordFailure } from "../access/sign-in-throttle.ts";
import { randomToken, sha256 } from "../access/tokens.ts";

export const OPERATOR_COOKIE = "uslimato_operator";

export interface OperatorContext {
  operatorId: string;
  email: string;
  csrfToken: string;
  sessionHash: string;
}

/** The first operator comes from OPERATOR_EMAIL / OPERATOR_PASSWORD; created once, never overwritten. */
export async function ensureOperator(
  db: Db,
  email: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!email || !password) return false;
  const weakness = passwordWeakness(password);
  if (weakness) throw new Error(`OPERATOR_PASSWORD ${weakness}.`);
  const existing = await db
    .selectFrom("operators")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto("operators")
    .values({ email, password_hash: await hashPassword(password) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

export async function operatorSignIn(
  db: Db,
  email: string,
  password: string,
  ip: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const keys = [`operator:${email.toLowerCase()}`, `operator-ip:${ip}`];
  await assertMayTry(db, keys);
  const op = await db
    .selectFrom("operators")
    .select(["id", "password_hash"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  const ok = op ? await verifyPassword(op.password_hash, password) : await dummyVerify(password);
  if (!op || !ok) {
    await recordFailure(db, keys);
    throw new AppError("unauthenticated", "The email or password is not correct.");
  }
  await clearFailures(db, [keys[0] as string]);
  const secret = randomToken();
  const csrfToken = randomToken(24);
  await db
    .insertInto("operator_sessions")
    .values({
      token_hash: sha256(secret),
      operator_id: op.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + 12 * 3600_000),
    })
    .execute();
  return { cookie: secret, csrfToken };
}

export async function resolveOperator(db: Db, cookie: string | undefined): Promise<OperatorContext | null> {
  if (!cookie || cookie.length > 100) return null;
  const hash = sha256(cookie);
  const row = await db
    .selectFrom("operator_sessions as s")
    .innerJoin("operators as o", "o.id", "s.operator_id")
    .select(["o.id", "o.email", "s.csrf_token"])
    .where("s.token_hash", "=", hash)
    .where("s.expires_at", ">", new Date())
    .executeTakeFirst();
  return row ? { operatorId: row.id, email: row.email, csrfToken: row.csrf_token, sessionHash: hash } : null;
}

export async function operatorSignOut(db: Db, ctx: OperatorContext): Promise<void> {
  await db.deleteFrom("operator_sessions").where("token_hash", "=", ctx.sessionHash).execute();
}
