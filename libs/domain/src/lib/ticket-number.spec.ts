import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { DEFAULT_PREFIX, formatNumber, parseNumber, prefixProblem } from "./ticket-number.ts";

describe("ticket numbers: PREFIX- + counter zero-padded to at least 6 digits", () => {
  test("formatting pads to six digits and grows beyond", () => {
    assert.equal(DEFAULT_PREFIX, "TKT");
    assert.equal(formatNumber("TKT", 1), "TKT-000001");
    assert.equal(formatNumber("TKT", 42), "TKT-000042");
    assert.equal(formatNumber("TKT", 999_999), "TKT-999999");
    assert.equal(formatNumber("TKT", 1_000_000), "TKT-1000000");
    assert.equal(formatNumber("HELP2", 7), "HELP2-000007");
  });

  test("parsing accepts what formatting makes, any case, and refuses anything else", () => {
    for (const n of [1, 42, 999_999, 1_000_000]) {
      assert.deepEqual(parseNumber(formatNumber("TKT", n)), { prefix: "TKT", n });
    }
    assert.deepEqual(parseNumber(" tkt-000042 "), { prefix: "TKT", n: 42 });
    for (const bad of [
      "",
      "TKT",
      "TKT-",
      "TKT-0",
      "-000001",
      "1TK-000001",
      "TKT-00x001",
      "T-000001",
      "TKT-1234567890123456",
    ]) {
      assert.equal(parseNumber(bad), null, bad);
    }
  });

  test("a prefix is 2–10 characters, A–Z and 0–9, starting with a letter", () => {
    for (const ok of ["TK", "TKT", "HELP2", "ABCDEFGHIJ"]) assert.equal(prefixProblem(ok), null, ok);
    for (const bad of ["T", "tkt", "1TK", "ABCDEFGHIJK", "TK-T", "", "TK T"]) {
      assert.match(prefixProblem(bad) ?? "", /2–10 characters/, bad);
    }
  });
});
