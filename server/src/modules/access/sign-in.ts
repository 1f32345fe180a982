import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { dummyVerify, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";
import { assertMayTry, clearFailures, recordFailure } from "./sign-in-throttle.ts";

export interface SignInInput {
  email: string;
  password: string;
  tenant?: string | undefined;
}

/**
 * Sign-in happens before a tenant is known, so it is the one place that looks users up across tenants
 * (hence unsafe). An email may exist in several tenants: when the password matches in more than one
 * and no tenant was named, the caller is asked to choose.
 */
async function unsafeCandidates(db: Db, email: string, tenantSlug: string | undefined) {
  let q = db
    .selectFrom("users")
    .innerJoin("tenants", "tenants.id", "users.tenant_id")
    .select(["users.id", "users.tenant_id", "users.password_hash", "tenants.slug", "tenants.name"])
    .where((eb) => eb(eb.fn("lower", ["users.email"]), "=", email.toLowerCase()))
    .where("users.active", "=", true);
  if (tenantSlug) q = q.where("tenants.slug", "=", tenantSlug);
  return q.execute();
}

export async function signIn(
  db: Db,
  input: SignInInput,
  ip: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const email = input.email.trim();
  const keys = [`email:${email.toLowerCase()}`, `ip:${ip}`];
  await assertMayTry(db, keys);
  const candidates = await unsafeCandidates(db, email, input.tenant);
  const matches = [];
  for (const c of candidates) if (await verifyPassword(c.password_hash, input.password)) matches.push(c);
  if (candidates.length === 0) await dummyVerify(input.password);
  const [match] = matches;
  if (!match) {
    await recordFailure(db, keys);
    throw new AppError("unauthenticated", "The email or password is not correct.");
  }
  if (matches.length > 1) {
    throw new AppError("conflict", "This email belongs to several workspaces. Choose one.", {
      errors: [{ field: "tenant", message: "choose a workspace" }],
      extra: { tenants: matches.map((m) => ({ slug: m.slug, name: m.name })) },
    });
  }
  await clearFailures(db, [keys[0] as string]);
  return createSession(db, match.tenant_id, match.id);
}
