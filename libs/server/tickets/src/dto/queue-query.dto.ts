import { CommaList, CursorField, PageLimitField } from "@uslimato/server-core";
import { IsIn, IsOptional, IsString, MaxLength } from "class-validator";
import { ListMaxLength, PRIORITIES, STATUSES, TICKET_TYPES } from "./ticket-fields.ts";

const oneOf = (values: readonly string[]) => ({ message: `must be one of: ${values.join(", ")}` });
const eachOneOf = (values: readonly string[]) => ({
  each: true,
  message: `must be a comma-separated list of: ${values.join(", ")}`,
});

/**
 * GET /api/tickets: the queue's filters, sort and page. Stacked decorators run bottom-up and the first
 * failing one is reported, so each type check is the last decorator.
 */
export class QueueQueryDto {
  /** Comma-separated statuses, e.g. "open,in_progress". */
  @IsOptional()
  @CommaList()
  @ListMaxLength(200)
  @IsIn(STATUSES, eachOneOf(STATUSES))
  status?: (typeof STATUSES)[number][];

  @IsOptional()
  @IsIn(TICKET_TYPES, oneOf(TICKET_TYPES))
  type?: (typeof TICKET_TYPES)[number];

  /** Comma-separated priorities. */
  @IsOptional()
  @CommaList()
  @ListMaxLength(200)
  @IsIn(PRIORITIES, eachOneOf(PRIORITIES))
  priority?: (typeof PRIORITIES)[number][];

  /** "me", "unassigned", "any", a user id or an email. */
  @IsOptional()
  @MaxLength(254, { message: "must be at most 254 characters" })
  @IsString({ message: "must be text" })
  assignee?: string;

  /** A user id or an email. */
  @IsOptional()
  @MaxLength(254, { message: "must be at most 254 characters" })
  @IsString({ message: "must be text" })
  reporter?: string;

  /** A ticket number, or words in the title or description. */
  @IsOptional()
  @MaxLength(200, { message: "must be at most 200 characters" })
  @IsString({ message: "must be text" })
  q?: string;

  @IsOptional()
  @IsIn(["newest", "oldest"], oneOf(["newest", "oldest"]))
  sort?: "newest" | "oldest";

  /** Page size, 1–100 (25 when absent). */
  @PageLimitField()
  limit?: number;

  /** The previous page's next_cursor. */
  @CursorField()
  cursor?: string;
}

/** GET /api/tickets/people */
export class PeopleQueryDto {
  /** Part of a name or email. */
  @IsOptional()
  @MaxLength(100, { message: "must be at most 100 characters" })
  @IsString({ message: "must be text" })
  q?: string;
}
