import assert from "node:assert/strict";
import { test } from "@jest/globals";
import { API_SCOPES, keyPermissions, SCOPE_PERMISSIONS, scopeNotes } from "./scopes.ts";

test("a key's permissions are exactly the union of its scopes' permissions, over every scope set", () => {
  for (let mask = 0; mask < 1 << API_SCOPES.length; mask++) {
    const scopes = API_SCOPES.filter((_, i) => mask & (1 << i));
    const expected = new Set(scopes.flatMap((s) => SCOPE_PERMISSIONS[s]));
    assert.deepEqual(keyPermissions(scopes), expected, scopes.join(","));
  }
  assert.deepEqual([...keyPermissions(["tickets:read"])], ["tickets:manage"]);
  assert.deepEqual([...keyPermissions(["tickets:write"])].sort(), [
    "tickets:close",
    "tickets:create",
    "tickets:manage",
  ]);
  assert.deepEqual([...keyPermissions(["made:up"])], []);
});

test("notes say in plain words what each scope lets the key do", () => {
  assert.deepEqual(scopeNotes([]), []);
  assert.match(scopeNotes(["tickets:read"]).join(), /internal notes included/);
  assert.match(scopeNotes(["tickets:write"]).join(), /as an agent/);
  assert.equal(scopeNotes(["tickets:read", "tickets:write", "assets:read"]).length, 3);
});
