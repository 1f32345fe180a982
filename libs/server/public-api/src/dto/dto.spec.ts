import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import type { ArgumentMetadata } from "@nestjs/common";
import { AppError, RequestValidationPipe } from "@uslimato/server-core";
import { NewApiKeyBody, UsageDaysQuery } from "./api-keys.dto.ts";
import { CommentCreate, TicketCreate, TicketListQuery, TicketPatch } from "./public-tickets.dto.ts";

const pipe = new RequestValidationPipe();

/** The `{ field: message }` pairs the pipe refuses `value` with (empty when it passes). */
async function refusals(metatype: ArgumentMetadata["metatype"], type: "body" | "query", value: unknown) {
  try {
    await pipe.transform(value, { type, metatype });
    return {};
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return Object.fromEntries((err.errors ?? []).map((e) => [e.field, e.message]));
  }
}

describe("Public API DTOs: the old zod schemas' limits and messages", () => {
  test("a new ticket", async () => {
    assert.deepEqual(await refusals(TicketCreate, "body", {}), {
      title: "is required",
      description: "is required",
      type: 'Invalid option: expected one of "incident"|"service_request"',
    });
    assert.deepEqual(
      await refusals(TicketCreate, "body", {
        title: "  ",
        description: 1,
        type: "problem",
        priority: "x",
        reporter_email: "nope",
        asset_id: "x",
        movement_id: null,
        number: 1,
      }),
      {
        title: "is required",
        description: "must be text",
        type: 'Invalid option: expected one of "incident"|"service_request"',
        priority: 'Invalid option: expected one of "low"|"medium"|"high"|"critical"',
        reporter_email: "is not a valid email address",
        asset_id: "Invalid UUID",
        number: "is not a known field",
      },
    );
    assert.deepEqual(
      await refusals(TicketCreate, "body", {
        title: "t".repeat(201),
        description: "d".repeat(20_001),
        type: "incident",
      }),
      { title: "must be at most 200 characters", description: "must be at most 20,000 characters" },
    );
    const ok = (await pipe.transform(
      { title: "  Disk full ", description: "", type: "incident", reporter_email: " a@b.test " },
      { type: "body", metatype: TicketCreate },
    )) as TicketCreate;
    assert.equal(ok.title, "Disk full");
    assert.equal(ok.reporter_email, "a@b.test");
  });

  test("a change and a comment", async () => {
    assert.deepEqual(
      await refusals(TicketPatch, "body", { status: "done", title: null, reason: "r".repeat(2001) }),
      {
        status: 'Invalid option: expected one of "open"|"in_progress"|"resolved"|"closed"|"cancelled"',
        title: "must be text",
        reason: "Too big: expected string to have <=2000 characters",
      },
    );
    assert.deepEqual(await refusals(TicketPatch, "body", { assignee_email: null }), {});
    assert.deepEqual(await refusals(CommentCreate, "body", { body: " ", visibility: "public" }), {
      body: "is required",
      visibility: 'Invalid option: expected one of "external"|"internal"',
    });
  });

  test("the list's query: limit, status list, unknown parameters", async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ limit: "0" }, { limit: "Too small: expected number to be >=1" }],
      [{ limit: "100000" }, { limit: "Too big: expected number to be <=100" }],
      [{ limit: "ten" }, { limit: "Invalid input: expected number, received NaN" }],
      [{ limit: "1.5" }, { limit: "Invalid input: expected int, received number" }],
      [
        { status: "open,lost" },
        { status: 'Invalid option: expected one of "open"|"in_progress"|"resolved"|"closed"|"cancelled"' },
      ],
      [{ status: "x".repeat(201) }, { status: "Too big: expected string to have <=200 characters" }],
      [{ q: ["a", "b"] }, { q: "Invalid input: expected string, received array" }],
      [{ sort: "oldest" }, { sort: "is not a known field" }],
    ];
    for (const [query, expected] of cases) {
      assert.deepEqual(await refusals(TicketListQuery, "query", query), expected, JSON.stringify(query));
    }
    const parsed = (await pipe.transform(
      { status: "open,in_progress" },
      { type: "query", metatype: TicketListQuery },
    )) as TicketListQuery;
    assert.deepEqual(parsed.status, ["open", "in_progress"]);
    assert.equal(parsed.limit, 25);
  });

  test("Settings → API keys", async () => {
    assert.deepEqual(await refusals(NewApiKeyBody, "body", { name: "", scopes: [], expires_at: "soon" }), {
      name: "is required",
      scopes: "pick at least one scope",
      expires_at: "Invalid input",
    });
    assert.deepEqual(await refusals(NewApiKeyBody, "body", { name: "x", scopes: "x", owner_id: 5 }), {
      scopes: "Invalid input: expected array, received string",
      owner_id: "Invalid input: expected string, received number",
    });
    for (const expires of ["2099-01-01", "2099-01-01T12:00:00Z", "2099-01-01T12:00:00.5+02:00"]) {
      assert.deepEqual(
        await refusals(NewApiKeyBody, "body", { name: "x", scopes: ["tickets:read"], expires_at: expires }),
        {},
      );
    }
    assert.equal(
      ((await pipe.transform({}, { type: "query", metatype: UsageDaysQuery })) as UsageDaysQuery).days,
      30,
    );
    assert.deepEqual(await refusals(UsageDaysQuery, "query", { days: "367" }), {
      days: "Too big: expected number to be <=366",
    });
  });
});
