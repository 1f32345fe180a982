import assert from "node:assert/strict";
import { afterAll, beforeAll, jest, test } from "@jest/globals";
import { Redis } from "ioredis";
import { startTestApp, type TestApp } from "./helpers.ts";
import { type ServerProcess, startServer } from "./processes.ts";
import { awayFromWindowEdge, type Desk, makeDesk } from "./public-api-helpers.ts";

jest.setTimeout(180_000);

// Two real server processes on one database and one Redis: a key's per-minute limit is one budget
// across both, and the usage both processes meter adds up.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

// The in-process app (no Redis) only sets the tenant and its key up; the two servers answer.
let t: TestApp;
let d: Desk;
let servers: ServerProcess[] = [];
let reachable = false;
beforeAll(async () => {
  reachable = await redisReachable();
  t = await startTestApp();
  d = await makeDesk(t, { apiRateLimit: 10 });
  if (reachable) {
    const env = { ...t.env, REDIS_URL };
    servers = await Promise.all([startServer(env), startServer(env)]);
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await t?.close();
});

test("with REDIS_URL the rate limit of a key is shared by two server processes", async () => {
  // Skipped (passes without checking) when there is no Redis at REDIS_URL.
  if (!reachable) return console.warn(`skipped: no Redis at ${REDIS_URL}`);
  const key = await d.key(d.agentEmail, ["tickets:read"]);
  await awayFromWindowEdge();
  const seen: { server: number; status: number; remaining: string | null; retryAfter: string | null }[] = [];
  for (let i = 0; i < 12; i++) {
    const server = i % 2;
    const res = await fetch(`${servers[server]?.url}/public/v1/tickets`, {
      headers: { authorization: `Bearer ${key}` },
    });
    await res.arrayBuffer();
    assert.equal(res.headers.get("ratelimit-limit"), "10");
    seen.push({
      server,
      status: res.status,
      remaining: res.headers.get("ratelimit-remaining"),
      retryAfter: res.headers.get("retry-after"),
    });
  }
  // One budget of 10 across both processes: 9, 8, … 0 alternating between them, then 429 on both.
  assert.deepEqual(
    seen.map((s) => s.remaining),
    ["9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "0", "0"],
    JSON.stringify(seen),
  );
  assert.deepEqual(
    seen.map((s) => s.status),
    [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 429],
  );
  for (const s of seen.slice(10)) assert.ok(Number(s.retryAfter) >= 1, JSON.stringify(s));

  // Both processes metered their requests; after their next flush the tenant's usage holds all twelve.
  await new Promise((r) => setTimeout(r, 1500));
  const rows = await t.database.dataSource.query(
    "select requests, status_2xx, status_4xx from api_usage_daily where tenant_id = $1",
    [d.tenant.id],
  );
  assert.deepEqual(rows, [{ requests: 12, status_2xx: 10, status_4xx: 2 }]);
});
