import assert from "node:assert/strict";
import { test } from "@jest/globals";
import { TICKET_PERMISSIONS } from "./permissions.ts";
import {
  AGENT_MOVES,
  allowedTargets,
  checkMove,
  FINAL_STATUSES,
  REPORTER_MOVES,
  STATUSES,
} from "./ticket-status.ts";

// Every subset of the three ticket permissions, as a reporter and not.
const permissionSets = [0, 1, 2, 3, 4, 5, 6, 7].map(
  (mask) => new Set(TICKET_PERMISSIONS.filter((_, i) => mask & (1 << i))),
);

/** The rules of product.md §2 written out independently of the table. */
function expected(from: string, to: string, perms: Set<string>, isReporter: boolean): boolean {
  const manage = perms.has("tickets:manage");
  const close = perms.has("tickets:close");
  if (from === "open" && to === "in_progress") return manage;
  if (from === "in_progress" && to === "resolved") return manage && close;
  if (from === "resolved" && to === "closed") return (manage && close) || isReporter;
  if (from === "resolved" && to === "in_progress") return (manage && close) || isReporter;
  if (to === "cancelled" && ["open", "in_progress", "resolved"].includes(from)) return manage;
  return false;
}

test("every pair of states × every permission set × reporter or not follows the rules", () => {
  let checked = 0;
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      for (const permissions of permissionSets) {
        for (const isReporter of [false, true]) {
          const result = checkMove(from, to, { permissions, isReporter });
          assert.equal(
            result.ok,
            expected(from, to, permissions, isReporter),
            `${from}->${to} with [${[...permissions]}] reporter=${isReporter}`,
          );
          if (!result.ok) assert.match(result.message, new RegExp(`from ${from} to ${to}`));
          checked++;
        }
      }
    }
  }
  assert.equal(checked, 5 * 5 * 8 * 2);
});

test("final states allow no move at all, whoever asks", () => {
  const all = new Set<string>(TICKET_PERMISSIONS);
  for (const from of FINAL_STATUSES)
    assert.deepEqual(allowedTargets(from, { permissions: all, isReporter: true }), []);
});

test("a move that does not exist is 'not allowed'; a lacking permission is 'forbidden'", () => {
  const none = new Set<string>();
  const r1 = checkMove("open", "closed", { permissions: new Set(TICKET_PERMISSIONS), isReporter: false });
  assert.equal(!r1.ok && r1.reason, "not_allowed");
  const r2 = checkMove("in_progress", "resolved", {
    permissions: new Set(["tickets:manage"]),
    isReporter: false,
  });
  assert.equal(!r2.ok && r2.reason, "forbidden");
  assert.match(!r2.ok ? r2.message : "", /tickets:close/);
  const r3 = checkMove("open", "in_progress", { permissions: none, isReporter: true });
  assert.equal(!r3.ok && r3.reason, "forbidden");
});

test("reporter moves are a subset of the agent moves", () => {
  for (const move of REPORTER_MOVES) assert.ok(AGENT_MOVES[move]);
});
