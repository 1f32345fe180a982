import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { actionLinkUrl, resolutionLinks, signActionLink, verifyActionLink } from "./action-links.ts";

const claims = {
  tenantId: "0190a5b2-0000-7000-8000-000000000001",
  ticketId: "0190a5b2-0000-7000-8000-000000000002",
  action: "confirm" as const,
  expiresAt: new Date("2026-12-15T00:00:00Z"),
};
const secret = "s".repeat(64);
const now = new Date("2026-12-01T00:00:00Z");

describe("signed confirm/reject links", () => {
  test("a signed link verifies to its claims until it expires", () => {
    const token = signActionLink(claims, secret);
    assert.deepEqual(verifyActionLink(token, secret, now), { ok: true, claims });
    assert.deepEqual(verifyActionLink(token, secret, claims.expiresAt), { ok: false, reason: "expired" });
  });

  test("any change to the claims, the MAC, or another secret makes it forged", () => {
    const token = signActionLink(claims, secret);
    const [, sig] = token.split(".") as [string, string];
    // Other claims (spelt correctly, as an attacker can) under the original MAC.
    const claimsOf = (other: typeof claims) => signActionLink(other, "whatever").split(".")[0];
    const forged = (other: Partial<typeof claims>) =>
      `${claimsOf({ ...claims, ...other } as typeof claims)}.${sig}`;
    for (const token of [
      forged({ action: "reject" as never }),
      forged({ expiresAt: new Date("2027-12-15T00:00:00Z") }),
      forged({ ticketId: "0190a5b2-0000-7000-8000-000000000003" }),
      forged({ tenantId: "0190a5b2-0000-7000-8000-000000000009" }),
    ]) {
      assert.deepEqual(verifyActionLink(token, secret, now), { ok: false, reason: "forged" }, token);
    }
    const flipped = `${token.slice(0, -43)}${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    assert.deepEqual(verifyActionLink(flipped, secret, now), { ok: false, reason: "forged" });
    assert.deepEqual(verifyActionLink(token, "another secret", now), { ok: false, reason: "forged" });
    // A forged link that is also expired says forged: its dates mean nothing.
    assert.deepEqual(verifyActionLink(forged({ expiresAt: new Date(0) }), secret, now), {
      ok: false,
      reason: "forged",
    });
    // Short enough for a URL path segment (Fastify allows 100 characters in a parameter).
    assert.ok(token.length <= 100, `${token.length}`);
  });

  test("malformed tokens are refused before any MAC is computed", () => {
    for (const token of [
      "",
      "x",
      "a.b.c.d.e",
      `${signActionLink(claims, secret)}.extra`,
      "../../etc/passwd",
    ]) {
      assert.deepEqual(verifyActionLink(token, secret, now), { ok: false, reason: "malformed" }, token);
    }
  });

  test("the resolution's links expire 14 days after it and point at PUBLIC_URL", () => {
    const links = resolutionLinks(claims, now, { publicUrl: "https://desk.acme.test/", secret });
    assert.match(links.confirm_url, /^https:\/\/desk\.acme\.test\/ticket-actions\/[\w-]{50}\.[\w-]{43}$/);
    const token = links.reject_url.split("/").pop() as string;
    const checked = verifyActionLink(token, secret, now);
    assert.ok(checked.ok);
    assert.equal(checked.claims.action, "reject");
    assert.equal(checked.claims.expiresAt.toISOString(), "2026-12-15T00:00:00.000Z");
    assert.equal(actionLinkUrl("http://x/", "t"), "http://x/ticket-actions/t");
  });
});
