import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { parseSessionCookie } from "./session-cookie.ts";
import { sha256 } from "./tokens.ts";

describe("session cookies name their tenant", () => {
  const tenant = "01a228a1-ddc1-7a39-b0a5-8e0dc268a554";
  const secret = "s".repeat(43);

  test("a well-formed cookie gives the tenant and the hash of the secret (the secret is never stored)", () => {
    assert.deepEqual(parseSessionCookie(`${tenant}.${secret}`), { tenantId: tenant, hash: sha256(secret) });
  });

  test("anything else is no session", () => {
    for (const cookie of [
      undefined,
      "",
      secret,
      `${tenant}${secret}`,
      `not-a-uuid.${secret}`,
      `${tenant}.short`,
      `${tenant}.${"s".repeat(101)}`,
      `${tenant.toUpperCase()}.${secret}`,
      `'; drop table users; --.${secret}`,
    ]) {
      assert.equal(parseSessionCookie(cookie), null, String(cookie));
    }
  });
});
