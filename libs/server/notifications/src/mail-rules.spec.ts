import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { deliveryMessageId, isDeliverableAddress, isPermanentSendError, quotaMonth } from "./mail-rules.ts";

describe("mail rules", () => {
  test("the quota month is the calendar month in UTC", () => {
    assert.equal(quotaMonth(new Date("2026-11-30T23:59:59Z")), "2026-11");
    assert.equal(quotaMonth(new Date("2026-12-01T00:00:00Z")), "2026-12");
  });

  test("deliverable addresses", () => {
    for (const ok of ["a@acme.test", "first.last+tag@mail.example.org"])
      assert.ok(isDeliverableAddress(ok), ok);
    for (const bad of [
      "not-an-address",
      "a@localhost",
      "a b@acme.test",
      "a@acme.test\r\nBcc: x@evil.test",
      "a@acme.test, b@acme.test",
      "<a@acme.test>",
      "",
    ])
      assert.ok(!isDeliverableAddress(bad), JSON.stringify(bad));
  });

  test("SMTP 5xx is permanent; connection errors and 4xx are retried", () => {
    assert.ok(isPermanentSendError(Object.assign(new Error("rejected"), { responseCode: 550 })));
    assert.ok(!isPermanentSendError(Object.assign(new Error("try later"), { responseCode: 451 })));
    assert.ok(!isPermanentSendError(Object.assign(new Error("refused"), { code: "ECONNECTION" })));
  });
});

describe("deliveryMessageId", () => {
  test("the same delivery key gives the same Message-ID on every attempt; another key another one", () => {
    const key = "0198a2b1-0000-7000-8000-000000000001-rita@acme.test";
    const id = deliveryMessageId(key, "https://desk.acme.test");
    assert.equal(id, deliveryMessageId(key, "https://desk.acme.test"));
    assert.match(id, /^<[0-9a-f]{32}@desk\.acme\.test>$/);
    assert.notEqual(id, deliveryMessageId(`${key}x`, "https://desk.acme.test"));
  });
});
