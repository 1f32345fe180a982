import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import {
  ALL_PERMISSIONS,
  hasAll,
  isPermission,
  mayReadTicket,
  PLATFORM_PERMISSIONS,
  SYSTEM_GROUPS,
  TICKET_PERMISSIONS,
} from "./permissions.ts";

describe("permissions and system groups", () => {
  test("the catalogue: the platform permissions and the three ticket permissions", () => {
    assert.deepEqual([...TICKET_PERMISSIONS], ["tickets:create", "tickets:manage", "tickets:close"]);
    for (const p of ["assets:read", "assets:manage", "users:manage", "settings:manage"]) {
      assert.ok((PLATFORM_PERMISSIONS as readonly string[]).includes(p), p);
    }
    assert.equal(new Set(ALL_PERMISSIONS).size, ALL_PERMISSIONS.length);
    assert.ok(isPermission("tickets:close"));
    assert.ok(!isPermission("tickets:destroy"));
    assert.ok(!isPermission(""));
  });

  test("Administrators hold every platform permission but no ticket permission (no agent seat)", () => {
    assert.deepEqual([...SYSTEM_GROUPS.administrators.permissions].sort(), [...PLATFORM_PERMISSIONS].sort());
    for (const p of TICKET_PERMISSIONS) {
      assert.ok(!(SYSTEM_GROUPS.administrators.permissions as readonly string[]).includes(p), p);
    }
    assert.equal(SYSTEM_GROUPS.itsm_agent.name, "ITSM Agent");
    assert.deepEqual([...SYSTEM_GROUPS.itsm_agent.permissions], [...TICKET_PERMISSIONS]);
  });

  test("hasAll: every required permission must be granted", () => {
    const granted = new Set(["users:manage", "assets:read"]);
    assert.equal(hasAll(granted, []), true);
    assert.equal(hasAll(granted, ["users:manage"]), true);
    assert.equal(hasAll(granted, ["users:manage", "assets:read"]), true);
    assert.equal(hasAll(granted, ["users:manage", "assets:manage"]), false);
    assert.equal(hasAll(new Set(), ["assets:read"]), false);
  });

  test("who reads a ticket: agents every ticket, anyone else only the ones they reported", () => {
    const agent = new Set(["tickets:manage"]);
    const employee = new Set(["tickets:create", "assets:read", "assets:manage"]);
    assert.ok(mayReadTicket(agent, "u1", "u2"));
    assert.ok(mayReadTicket(agent, "u1", null));
    assert.ok(mayReadTicket(employee, "u1", "u1"));
    assert.ok(!mayReadTicket(employee, "u1", "u2"));
    assert.ok(!mayReadTicket(employee, "u1", null));
    assert.ok(!mayReadTicket(new Set(["tickets:close"]), "u1", "u2"));
  });
});
