import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { linkHistory, linkRequested } from "./asset-link.ts";
import { showLinks, type TicketView } from "./ticket-view.ts";

const all = { active: true, flags: [...FEATURE_FLAGS] };
const without = (flag: string) => ({ active: true, flags: FEATURE_FLAGS.filter((f) => f !== flag) });

describe("asset links", () => {
  test("the flags decide which links a new ticket takes (product.md §2: off = ignored)", () => {
    assert.deepEqual(linkRequested(all, "a", "m"), { assetId: "a", movementId: "m" });
    assert.deepEqual(linkRequested(without("movement_link"), "a", "m"), { assetId: "a", movementId: null });
    assert.deepEqual(linkRequested(without("asset_integration"), "a", "m"), {
      assetId: null,
      movementId: null,
    });
    assert.deepEqual(linkRequested({ active: false, flags: [...FEATURE_FLAGS] }, "a", null), {
      assetId: null,
      movementId: null,
    });
    assert.deepEqual(linkRequested(null, "a", "m"), { assetId: null, movementId: null });
  });

  test("views hide the links whose flag is off", () => {
    const view = {
      asset_id: "a",
      movement_id: "m",
      asset: { id: "a", name: "Laptop", tag: "LT-1", deleted: false },
      movement: { id: "m", moved_at: new Date(0), from_location: "HQ", to_location: "Lab" },
    } as unknown as TicketView;
    assert.equal(showLinks(view, all), view);
    const noMove = showLinks(view, without("movement_link"));
    assert.equal(noMove.asset?.tag, "LT-1");
    assert.equal(noMove.movement, null);
    assert.equal(noMove.movement_id, null);
    const none = showLinks(view, without("asset_integration"));
    assert.deepEqual([none.asset_id, none.asset, none.movement_id, none.movement], [null, null, null, null]);
  });

  test("a change of link is one history entry per side that changed", () => {
    const asset = { tag: "LT-1", name: "Laptop" };
    const movement = { moved_at: "2026-11-03T10:00:00Z", from_location: "HQ", to_location: "" };
    assert.deepEqual(linkHistory(null, { asset, movement: null }), [
      { kind: "link", field: "asset", old: null, new: "LT-1 Laptop" },
    ]);
    assert.deepEqual(linkHistory({ asset, movement: null }, { asset, movement }), [
      { kind: "link", field: "movement", old: null, new: "2026-11-03 HQ → —" },
    ]);
    assert.deepEqual(linkHistory({ asset, movement }, { asset, movement }), []);
  });
});
