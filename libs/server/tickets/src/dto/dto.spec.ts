import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import type { ArgumentMetadata } from "@nestjs/common";
import { AppError, RequestValidationPipe } from "@uslimato/server-core";
import { DeskCreateTicketDto, DeskListQueryDto } from "./desk.dto.ts";
import { ItsmSettingsPatchDto } from "./itsm-settings.dto.ts";
import { PeopleQueryDto, QueueQueryDto } from "./queue-query.dto.ts";
import { AddCommentDto, ChangeTicketDto, CreateTicketDto, TicketIdParams } from "./ticket.dto.ts";

const pipe = new RequestValidationPipe();

async function run(
  metatype: ArgumentMetadata["metatype"],
  value: unknown,
  type: ArgumentMetadata["type"] = "body",
) {
  return pipe.transform(value, { type, metatype });
}

/** The field errors of a refused value ({} when it is accepted). */
async function errorsOf(
  metatype: ArgumentMetadata["metatype"],
  value: unknown,
  type: ArgumentMetadata["type"] = "body",
): Promise<Record<string, string>> {
  try {
    await run(metatype, value, type);
    return {};
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return Object.fromEntries((err.errors ?? []).map((e) => [e.field, e.message]));
  }
}

describe("ticket DTOs: the same rules and messages as the old zod schemas", () => {
  test("creating: title, description and type are required; limits name themselves", async () => {
    assert.deepEqual(await errorsOf(CreateTicketDto, {}), {
      title: "is required",
      description: "is required",
      type: "is required",
    });
    assert.deepEqual(
      await errorsOf(CreateTicketDto, {
        title: "x".repeat(201),
        description: "y".repeat(20_001),
        type: "problem",
      }),
      {
        title: "must be at most 200 characters",
        description: "must be at most 20,000 characters",
        type: "must be one of: incident, service_request",
      },
    );
    assert.deepEqual(await errorsOf(CreateTicketDto, { title: "   ", description: "", type: "incident" }), {
      title: "is required",
    });
    assert.deepEqual(await errorsOf(CreateTicketDto, { title: 5, description: null, type: null }), {
      title: "must be text",
      description: "must be text",
      type: "must be one of: incident, service_request",
    });
    assert.deepEqual(
      await errorsOf(CreateTicketDto, { title: "a", description: "", type: "incident", number: "TKT-1" }),
      { number: "is not a known field" },
    );
    assert.deepEqual(
      await errorsOf(CreateTicketDto, { title: "a", description: "", type: "incident", reporter_id: "me" }),
      { reporter_id: "is not a valid id" },
    );
  });

  test("creating: the title is trimmed, null links are accepted", async () => {
    const dto = (await run(CreateTicketDto, {
      title: "  Printer  ",
      description: " as typed ",
      type: "incident",
      asset_id: null,
    })) as CreateTicketDto;
    assert.ok(dto instanceof CreateTicketDto);
    assert.equal(dto.title, "Printer");
    assert.equal(dto.description, " as typed ");
    assert.equal(dto.asset_id, null);
    assert.equal("reporter_id" in dto, false);
  });

  test("changing: every field optional, none may be null except the assignee", async () => {
    assert.deepEqual(await errorsOf(ChangeTicketDto, {}), {});
    const unassign = (await run(ChangeTicketDto, { assignee_id: null })) as ChangeTicketDto;
    assert.equal(unassign.assignee_id, null);
    assert.deepEqual(
      await errorsOf(ChangeTicketDto, { title: null, status: "bogus", reason: "r".repeat(2001) }),
      {
        title: "must be text",
        status: "must be one of: open, in_progress, resolved, closed, cancelled",
        reason: "must be at most 2,000 characters",
      },
    );
    assert.deepEqual(await errorsOf(ChangeTicketDto, { title: "" }), { title: "is required" });
    assert.deepEqual(await errorsOf(ChangeTicketDto, { reporter_id: "x" }), {
      reporter_id: "is not a known field",
    });
  });

  test("comments: body trimmed and required, visibility required", async () => {
    assert.deepEqual(await errorsOf(AddCommentDto, { body: "  " }), {
      body: "is required",
      visibility: "is required",
    });
    assert.deepEqual(await errorsOf(AddCommentDto, { body: "x", visibility: "secret" }), {
      visibility: "must be one of: external, internal",
    });
  });

  test("the desk: a description is required, comments have no visibility", async () => {
    const refused = await errorsOf(DeskCreateTicketDto, { title: "x", type: "incident" });
    assert.deepEqual(refused, { description: "is required" });
    assert.deepEqual(await errorsOf(DeskCreateTicketDto, { title: "x", description: "", type: "incident" }), {
      description: "is required",
    });
    assert.deepEqual(await errorsOf(DeskListQueryDto, { state: "mine", limit: "0" }, "query"), {
      state: "must be one of: open, done, all",
      limit: "must be at least 1",
    });
  });

  test("the queue query: comma lists, whole-number limit, known sort only", async () => {
    const query = (await run(
      QueueQueryDto,
      { status: "open,in_progress", priority: "high", limit: "5" },
      "query",
    )) as QueueQueryDto;
    assert.deepEqual(query.status, ["open", "in_progress"]);
    assert.deepEqual(query.priority, ["high"]);
    assert.equal(query.limit, 5);
    assert.deepEqual(
      await errorsOf(
        QueueQueryDto,
        { status: "open,bogus", limit: "100000", sort: "id;drop table tickets" },
        "query",
      ),
      {
        status: "must be a comma-separated list of: open, in_progress, resolved, closed, cancelled",
        limit: "must be at most 100",
        sort: "must be one of: newest, oldest",
      },
    );
    assert.deepEqual(await errorsOf(QueueQueryDto, { limit: "2.5" }, "query"), {
      limit: "must be a whole number",
    });
    assert.deepEqual(await errorsOf(QueueQueryDto, { status: "open,".repeat(41) }, "query"), {
      status: "must be at most 200 characters",
    });
    assert.deepEqual(await errorsOf(PeopleQueryDto, { q: "x".repeat(101) }, "query"), {
      q: "must be at most 100 characters",
    });
  });

  test("ids, settings", async () => {
    assert.deepEqual(await errorsOf(TicketIdParams, { id: "x".repeat(61) }, "param"), {
      id: "must be 1 to 60 characters",
    });
    assert.deepEqual(await errorsOf(ItsmSettingsPatchDto, { ticketPrefix: 5, autoCloseDays: "7" }), {
      ticketPrefix: "must be text",
      autoCloseDays: "must be a whole number",
    });
    assert.deepEqual(await errorsOf(ItsmSettingsPatchDto, { autoCloseDays: 1.5 }), {
      autoCloseDays: "must be a whole number",
    });
  });
});
