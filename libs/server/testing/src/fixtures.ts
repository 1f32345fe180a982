/** Every test user's password (strong enough for the password rules). */
export const PASSWORD = "correct horse battery staple";

let counter = 0;
/** A tenant slug (or similar name) no other test of this process uses. */
export function uniqueSlug(prefix = "t"): string {
  counter += 1;
  return `${prefix}${counter}-${Math.random().toString(36).slice(2, 7)}`;
}
