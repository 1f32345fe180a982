import { CursorField, PageLimitField } from "@uslimato/server-core";
import { IsIn, IsOptional, IsString, MaxLength } from "class-validator";
import {
  CommentBodyField,
  DescriptionField,
  IdField,
  OneOfField,
  TICKET_TYPES,
  TitleField,
} from "./ticket-fields.ts";

const STATES = ["open", "done", "all"] as const;

/** GET /api/desk/tickets: the reporter's own tickets. */
export class DeskListQueryDto {
  /** open (open, in progress, resolved), done (closed, cancelled) or all (the default). */
  @IsOptional()
  @IsIn(STATES, { message: `must be one of: ${STATES.join(", ")}` })
  state?: (typeof STATES)[number];

  @IsOptional()
  @MaxLength(200, { message: "must be at most 200 characters" })
  @IsString({ message: "must be text" })
  q?: string;

  @PageLimitField()
  limit?: number;

  @CursorField()
  cursor?: string;
}

/** POST /api/desk/tickets: a reporter files a ticket (a description is required here). */
export class DeskCreateTicketDto {
  @TitleField()
  title: string;

  @DescriptionField({ nonEmpty: true })
  description: string;

  @OneOfField(TICKET_TYPES)
  type: (typeof TICKET_TYPES)[number];

  /** "Report issue" on an asset page: the asset the ticket concerns (ignored with asset_integration off). */
  @IdField({ nullable: true })
  asset_id?: string | null;
}

/** POST /api/desk/tickets/:id/comments: always external. */
export class DeskCommentDto {
  @CommentBodyField()
  body: string;
}

/** POST /api/desk/tickets/:id/reject: what is still not solved. */
export class DeskRejectDto {
  @CommentBodyField()
  comment: string;
}
