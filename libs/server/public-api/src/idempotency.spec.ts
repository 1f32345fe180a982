import assert from "node:assert/strict";
import { test } from "@jest/globals";
import { requestHash } from "./idempotency.ts";
import { toCsv } from "./metering.ts";

test("requestHash: same request whatever the key order; anything else differs", () => {
  const h = requestHash("POST", "/tickets", {}, { title: "a", type: "incident", description: "" });
  assert.equal(h, requestHash("POST", "/tickets", {}, { description: "", type: "incident", title: "a" }));
  assert.equal(
    h,
    requestHash("POST", "/tickets", {}, { description: "", type: "incident", title: "a", x: undefined }),
  );
  assert.notEqual(h, requestHash("POST", "/tickets", {}, { title: "b", type: "incident", description: "" }));
  assert.notEqual(
    h,
    requestHash("POST", "/tickets/:id/comments", {}, { title: "a", type: "incident", description: "" }),
  );
  assert.notEqual(
    requestHash("POST", "/t/:id", { id: "1" }, {}),
    requestHash("POST", "/t/:id", { id: "2" }, {}),
  );
});

test("toCsv: header row, quoting, and no formula injection", () => {
  const csv = toCsv(
    [
      { day: "2026-11-29", name: 'Say "hi", then', n: 3 },
      { day: "2026-11-30", name: "=HYPERLINK(1)", n: 0 },
    ],
    ["day", "name", "n"],
  );
  assert.equal(csv, 'day,name,n\r\n2026-11-29,"Say ""hi"", then",3\r\n2026-11-30,\'=HYPERLINK(1),0\r\n');
});
