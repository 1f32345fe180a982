import assert from "node:assert/strict";
import { test } from "node:test";
import { API_SCOPES, keyPermissions, SCOPE_PERMISSIONS, scopeNotes } from "./scopes.ts";

const agent = new Set(["tickets:create", "tickets:manage", "tickets:close", "assets:read"]);
const reporter = new Set(["tickets:create"]);
const admin = new Set(["assets:read", "assets:manage", "users:manage", "settings:manage"]);

test("a key uses only owner permissions its scopes allow: never more than the owner, never more than the scopes", () => {
  for (const owner of [agent, reporter, admin, new Set<string>()]) {
    for (let mask = 0; mask < 1 << API_SCOPES.length; mask++) {
      const scopes = API_SCOPES.filter((_, i) => mask & (1 << i));
      const usable = keyPermissions(scopes, owner);
      for (const p of usable) {
        assert.ok(owner.has(p), `${p} not held by the owner`);
        assert.ok(
          scopes.some((s) => SCOPE_PERMISSIONS[s].includes(p as never)),
          `${p} outside ${scopes}`,
        );
      }
    }
  }
  assert.deepEqual([...keyPermissions(["tickets:read"], agent)], ["tickets:manage"]);
  assert.deepEqual([...keyPermissions(["tickets:write"], reporter)], ["tickets:create"]);
  assert.deepEqual([...keyPermissions(["tickets:read", "tickets:write"], admin)], []);
  assert.deepEqual([...keyPermissions(["made:up"], agent)], []);
});

test("notes say what the owner's permissions keep a key from doing", () => {
  assert.deepEqual(scopeNotes(["tickets:read", "tickets:write", "assets:read"], agent), []);
  assert.match(scopeNotes(["tickets:read"], reporter).join(), /not an agent/);
  assert.match(scopeNotes(["tickets:write"], admin).join(), /none of the ticket permissions/);
  assert.match(
    scopeNotes(["tickets:write"], new Set(["tickets:create", "tickets:manage"])).join(),
    /lacks tickets:close/,
  );
  assert.match(scopeNotes(["assets:read"], reporter).join(), /assets:read/);
});
