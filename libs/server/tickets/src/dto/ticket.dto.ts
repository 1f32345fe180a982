import { IsString, Length } from "class-validator";
import {
  CommentBodyField,
  DescriptionField,
  IdField,
  OneOfField,
  PRIORITIES,
  STATUSES,
  TextField,
  TICKET_TYPES,
  TitleField,
  VISIBILITIES,
} from "./ticket-fields.ts";

/** `:id` of a ticket route: its id or its number ("TKT-000042"). */
export class TicketIdParams {
  @Length(1, 60, { message: "must be 1 to 60 characters" })
  @IsString({ message: "must be text" })
  id: string;
}

/** POST /api/tickets */
export class CreateTicketDto {
  @TitleField()
  title: string;

  @DescriptionField()
  description: string;

  @OneOfField(TICKET_TYPES)
  type: (typeof TICKET_TYPES)[number];

  @OneOfField(PRIORITIES, { optional: true })
  priority?: (typeof PRIORITIES)[number];

  /** Filing on behalf of this user (agents only); defaults to the caller. */
  @IdField({ optional: true })
  reporter_id?: string;

  @IdField({ nullable: true })
  asset_id?: string | null;

  @IdField({ nullable: true })
  movement_id?: string | null;
}

/** PATCH /api/tickets/:id: any of the fields; a status move per the state machine. */
export class ChangeTicketDto {
  @TitleField({ optional: true })
  title?: string;

  @DescriptionField({ optional: true })
  description?: string;

  @OneOfField(TICKET_TYPES, { optional: true })
  type?: (typeof TICKET_TYPES)[number];

  @OneOfField(PRIORITIES, { optional: true })
  priority?: (typeof PRIORITIES)[number];

  @OneOfField(STATUSES, { optional: true })
  status?: (typeof STATUSES)[number];

  /** An agent's id, or null to unassign. */
  @IdField({ nullable: true })
  assignee_id?: string | null;

  /** Why the ticket is cancelled (required with status "cancelled"). */
  @TextField(2000, { optional: true })
  reason?: string;
}

/** POST /api/tickets/:id/comments */
export class AddCommentDto {
  @CommentBodyField()
  body: string;

  @OneOfField(VISIBILITIES)
  visibility: (typeof VISIBILITIES)[number];
}
