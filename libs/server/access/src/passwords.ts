import argon2 from "argon2";

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("uslimato-dummy-password");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

// Passwords of at least 10 characters from the top of the breached-password lists (shorter ones fail
// the length rule first).
const COMMON = new Set([
  "1234567890",
  "0123456789",
  "1q2w3e4r5t",
  "qwertyuiop",
  "qwerty1234",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "abc1234567",
  "administrator",
]);

/** Why a password is too weak, or null. Rules are NIST 800-63B style: length, not a common password. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < 10) return "must be at least 10 characters long";
  if (password.length > 200) return "must be at most 200 characters long";
  if (COMMON.has(password.toLowerCase())) return "is too common";
  if (new Set(password).size < 4) return "uses too few different characters";
  const local = email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) return "must not contain your email name";
  return null;
}
