import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { AppError } from "@uslimato/server-core";
import { decodeCursor, encodeCursor } from "./queue-cursor.ts";
import { queueStatement } from "./queue-statement.ts";

const TENANT = "0190a5c8-0000-7000-8000-0000000000aa";
const USER = "0190a5c8-0000-7000-8000-0000000000bb";
const agent = { tenantId: TENANT, userId: USER, permissions: new Set(["tickets:manage"]) };
const reporter = { tenantId: TENANT, userId: USER, permissions: new Set(["tickets:create"]) };

/** The where clause, with its $n placeholders replaced by the JSON of their values (readable asserts). */
function whereOf(statement: { sql: string; params: unknown[] }): string {
  const where = /where ([\s\S]*)\n\s*order by/.exec(statement.sql)?.[1] ?? "";
  return where.replace(/\$(\d+)/g, (_m, n) => JSON.stringify(statement.params[Number(n) - 1]));
}

describe("the queue cursor", () => {
  test("round-trips (created_at, id) and refuses anything else with a 422 on cursor", () => {
    const at = new Date("2025-03-04T05:06:07.089Z");
    const id = "0190a5c8-0000-7000-8000-000000000001";
    assert.deepEqual(decodeCursor(encodeCursor(at, id)), { createdAt: at.toISOString(), id });
    for (const bad of [
      "abc",
      "",
      Buffer.from('["x","y"]').toString("base64url"),
      Buffer.from("[1]").toString("base64url"),
    ]) {
      assert.throws(
        () => decodeCursor(bad),
        (err: unknown) =>
          err instanceof AppError && err.code === "validation_failed" && err.errors?.[0]?.field === "cursor",
      );
    }
  });
});

describe("the queue statement", () => {
  test("an agent's plain queue: the tenant only, newest first, one row more than the page", () => {
    const s = queueStatement(agent, {});
    assert.equal(whereOf(s), `t.tenant_id = "${TENANT}"`);
    assert.match(s.sql, /order by t\.created_at desc, t\.id desc\s+limit \$2$/);
    assert.equal(s.params[1], 26);
  });

  test("a non-agent (or the desk's mine) only ever sees their own tickets", () => {
    assert.match(whereOf(queueStatement(reporter, {})), new RegExp(`t.reporter_id = "${USER}"`));
    assert.match(whereOf(queueStatement(agent, { mine: true })), new RegExp(`t.reporter_id = "${USER}"`));
  });

  test("filters become parameters, never SQL text", () => {
    const where = whereOf(
      queueStatement(agent, {
        status: ["open", "in_progress"],
        type: "incident",
        priority: ["high"],
        assignee: "unassigned",
        reporter: "Rita@X.test",
        q: "laptop'; drop table tickets",
        limit: 5,
      }),
    );
    assert.equal(
      where,
      `t.tenant_id = "${TENANT}" and t.status = any(["open","in_progress"]::text[]) and t.type = "incident" and ` +
        `t.priority = any(["high"]::text[]) and t.assignee_id is null and lower(r.email) = "rita@x.test" and ` +
        `to_tsvector('simple', t.title || ' ' || t.description) @@ plainto_tsquery('simple', "laptop'; drop table tickets")`,
    );
  });

  test("assignee: me, any, an id or an email", () => {
    assert.match(whereOf(queueStatement(agent, { assignee: "me" })), new RegExp(`t.assignee_id = "${USER}"`));
    assert.equal(whereOf(queueStatement(agent, { assignee: "any" })), `t.tenant_id = "${TENANT}"`);
    assert.match(
      whereOf(queueStatement(agent, { assignee: "0190A5C8-0000-7000-8000-0000000000CC" })),
      /t\.assignee_id = "0190A5C8-0000-7000-8000-0000000000CC"/,
    );
    assert.match(whereOf(queueStatement(agent, { assignee: "al@x.test" })), /a\.email = "al@x\.test"/);
  });

  test("a ticket number or a bare number also matches the number", () => {
    assert.match(whereOf(queueStatement(agent, { q: "tkt-000002" })), /\(t\.number = 2 or to_tsvector/);
    assert.match(whereOf(queueStatement(agent, { q: " 17 " })), /\(t\.number = 17 or to_tsvector/);
  });

  test("the cursor continues after the last row, in the sort's direction", () => {
    const cursor = encodeCursor(new Date("2025-01-01T00:00:00.000Z"), "0190a5c8-0000-7000-8000-000000000001");
    assert.match(
      whereOf(queueStatement(agent, { cursor })),
      /\(t\.created_at, t\.id\) < \("2025-01-01T00:00:00\.000Z"::timestamptz, "0190a5c8-0000-7000-8000-000000000001"::uuid\)/,
    );
    const oldest = queueStatement(agent, { cursor, sort: "oldest" });
    assert.match(whereOf(oldest), /\(t\.created_at, t\.id\) > /);
    assert.match(oldest.sql, /order by t\.created_at asc, t\.id asc/);
    assert.throws(() => queueStatement(agent, { cursor: "abc" }), AppError);
  });
});
