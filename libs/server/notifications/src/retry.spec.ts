import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { retryDelay } from "./retry.ts";

describe("retryDelay", () => {
  test("doubles with each attempt, between half and the whole of the exponential step", () => {
    for (const [attempt, full] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [6, 32_000],
    ] as const) {
      assert.equal(retryDelay(attempt, { random: () => 0 }), full / 2);
      assert.equal(retryDelay(attempt, { random: () => 1 }), full);
      const d = retryDelay(attempt);
      assert.ok(d >= full / 2 && d <= full, `attempt ${attempt}: ${d}`);
    }
  });

  test("is capped at maxMs", () => {
    assert.equal(retryDelay(30, { random: () => 1, maxMs: 60_000 }), 60_000);
    assert.equal(retryDelay(30, { random: () => 0, maxMs: 60_000 }), 30_000);
  });
});
