import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { AppError } from "@uslimato/server-core";
import {
  assertMoves,
  decodeAssetCursor,
  deletionBlockedMessage,
  encodeAssetCursor,
  searchTsQuery,
} from "./asset-rules.ts";

const ID = "0192f3a4-5b6c-7d8e-9f00-112233445566";

describe("asset rules", () => {
  test("a cursor round-trips, names with any characters included; a forged one is a 422", () => {
    const c = { name: `Laptop "14" — ü, 'x'`, id: ID };
    assert.deepEqual(decodeAssetCursor(encodeAssetCursor(c)), c);
    for (const bad of [
      "",
      "xyz",
      Buffer.from('["a"]').toString("base64url"),
      Buffer.from('["a","b"]').toString("base64url"),
    ]) {
      assert.throws(
        () => decodeAssetCursor(bad),
        (e: unknown) => e instanceof AppError && e.code === "validation_failed" && /cursor/.test(e.message),
      );
    }
  });

  test("search words become prefix terms; tsquery syntax cannot get through", () => {
    assert.equal(searchTsQuery("Lapt LT-00"), "lapt:* & lt:* & 00:*");
    assert.equal(searchTsQuery("a & !b | c:*"), "a:* & b:* & c:*");
    assert.equal(searchTsQuery("  ,;  "), null);
    assert.equal(searchTsQuery(undefined), null);
  });

  test("a refused deletion names the tag and every blocking ticket number", () => {
    assert.equal(
      deletionBlockedMessage("LT-1", ["TKT-000001", "TKT-000003"]),
      "The asset LT-1 cannot be deleted: 2 tickets that are not closed or cancelled refer to it (TKT-000001, TKT-000003). Close or cancel them first.",
    );
    assert.match(
      deletionBlockedMessage("LT-1", ["TKT-000009"]),
      /1 ticket that is not closed or cancelled refers to it \(TKT-000009\)/,
    );
  });

  test("a movement must change the location or the person", () => {
    assert.throws(() =>
      assertMoves({ location: "HQ", assigneeId: null }, { location: "HQ", personId: null }),
    );
    assertMoves({ location: "HQ", assigneeId: null }, { location: "Lab", personId: null });
    assertMoves({ location: "HQ", assigneeId: null }, { location: "HQ", personId: ID });
  });
});
