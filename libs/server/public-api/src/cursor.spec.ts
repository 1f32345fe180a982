import assert from "node:assert/strict";
import { test } from "@jest/globals";
import { CursorSigner, cursorContext } from "./cursor.ts";

test("a cursor opens only unchanged, for the tenant and filters it was given for", () => {
  const signer = new CursorSigner("secret");
  const ctx = cursorContext("tenant-a", { status: ["open"], type: undefined });
  const cursor = signer.sign("abc123", ctx) as string;
  assert.equal(signer.open(cursor, ctx), "abc123");
  assert.equal(
    signer.open(cursor, cursorContext("tenant-a", { type: undefined, status: ["open"] })),
    "abc123",
  );
  assert.equal(signer.sign(null, ctx), null);
  const refused = (c: string, context = ctx) => assert.throws(() => signer.open(c, context), /cursor/);
  refused(cursor.replace("abc", "abd"));
  refused(`${cursor}x`);
  refused("abc123");
  refused("");
  refused(cursor, cursorContext("tenant-b", { status: ["open"] }));
  refused(cursor, cursorContext("tenant-a", { status: ["closed"] }));
  assert.throws(() => new CursorSigner("other").open(cursor, ctx), /cursor/);
});
