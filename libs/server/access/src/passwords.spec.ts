import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { dummyVerify, hashPassword, passwordWeakness, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  test("weak passwords are named with the reason; good ones pass", () => {
    const cases: [string, string | undefined, string | null][] = [
      ["short", undefined, "must be at least 10 characters long"],
      ["123456789", undefined, "must be at least 10 characters long"],
      ["x".repeat(201), undefined, "must be at most 200 characters long"],
      ["Password1", undefined, "must be at least 10 characters long"],
      ["aaaaaaaaaaaa", undefined, "uses too few different characters"],
      ["abababababab", undefined, "uses too few different characters"],
      ["hank-scorpio-2024", "hank-scorpio@globex.test", "must not contain your email name"],
      ["my HANK-SCORPIO pass", "hank-scorpio@globex.test", "must not contain your email name"],
      ["correct horse battery staple", "hank@globex.test", null],
      ["bob is fine here 1", "bob@x.test", null], // email names under 4 characters are not checked
      ["xxxxxxxxxxyzw", undefined, null],
      ["ünïcödé pässwörd", undefined, null],
    ];
    for (const [password, email, expected] of cases) {
      assert.equal(passwordWeakness(password, email), expected, JSON.stringify(password));
    }
  });

  test("common passwords are refused whatever their case", () => {
    for (const p of ["1234567890", "Password123", "QWERTYUIOP", "Administrator", "welcome123"]) {
      assert.equal(passwordWeakness(p), "is too common", p);
    }
    assert.equal(passwordWeakness("password1"), "must be at least 10 characters long");
  });

  test("hashes are argon2id, salted, and verify only the right password", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    assert.match(a, /^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    assert.notEqual(a, b, "a fresh salt each time");
    assert.equal(await verifyPassword(a, "correct horse battery staple"), true);
    assert.equal(await verifyPassword(a, "correct horse battery stapl"), false);
    assert.equal(await verifyPassword("not a hash", "anything"), false, "a broken hash never throws");
    assert.equal(await dummyVerify("correct horse battery staple"), false);
  });
});
