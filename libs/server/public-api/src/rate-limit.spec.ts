import assert from "node:assert/strict";
import { test } from "@jest/globals";
import { InProcessLimiter, limitState, WINDOW_MS } from "./rate-limit.ts";

test("limitState: remaining counts down to 0, exceeded past the limit, reset = seconds to the window's end", () => {
  const start = 1_800_000_000_000 - (1_800_000_000_000 % WINDOW_MS);
  assert.deepEqual(limitState(1, 3, start, start + 1), {
    limit: 3,
    remaining: 2,
    resetSeconds: 60,
    exceeded: false,
  });
  assert.deepEqual(limitState(3, 3, start, start + 59_500), {
    limit: 3,
    remaining: 0,
    resetSeconds: 1,
    exceeded: false,
  });
  assert.deepEqual(limitState(4, 3, start, start + 30_000), {
    limit: 3,
    remaining: 0,
    resetSeconds: 30,
    exceeded: true,
  });
});

test("in-process limiter: per bucket, fixed windows", async () => {
  const limiter = new InProcessLimiter();
  const t0 = 1_800_000_000_000 - (1_800_000_000_000 % WINDOW_MS) + 1000;
  const a = [];
  for (let i = 0; i < 4; i++) a.push((await limiter.hit("key:a", 3, t0 + i)).exceeded);
  assert.deepEqual(a, [false, false, false, true]);
  assert.equal((await limiter.hit("key:b", 3, t0 + 10)).remaining, 2, "another bucket has its own count");
  assert.equal((await limiter.hit("key:a", 3, t0 + WINDOW_MS)).remaining, 2, "the next window starts again");
});
