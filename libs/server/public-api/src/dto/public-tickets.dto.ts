import { ApiSchema } from "@nestjs/swagger";
import { STATUSES, type Status } from "@uslimato/domain";
import { PRIORITIES, TICKET_TYPES, VISIBILITIES } from "@uslimato/server-tickets";
import { CommaSeparated, Email, IntRange, OneOf, Text, Uuid } from "./fields.ts";

/**
 * The Public API's request DTOs: they validate requests (the global pipe) and generate the OpenAPI
 * document (`/public/v1/openapi.json`) — one definition for both. Limits and messages are those the first
 * server's schemas had, which integrators have seen; the value lists are the tickets library's.
 */
export { PRIORITIES, TICKET_TYPES, VISIBILITIES };
export type TicketType = (typeof TICKET_TYPES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Visibility = (typeof VISIBILITIES)[number];

const TITLE = {
  max: 200,
  maxMessage: "must be at most 200 characters",
  trim: true,
  nonEmpty: true,
  text: true,
};
const DESCRIPTION = { max: 20_000, maxMessage: "must be at most 20,000 characters", text: true };

export class TicketListQuery {
  @CommaSeparated(STATUSES, 200, {
    description: `Comma-separated: ${STATUSES.join(", ")}.`,
    example: "open,in_progress",
  })
  status?: Status[];

  @OneOf(TICKET_TYPES, "optional")
  type?: TicketType;

  @Text({ presence: "optional", max: 254, description: "`unassigned`, a user id, or an email address." })
  assignee?: string;

  @Text({ presence: "optional", max: 254, description: "A user id or an email address." })
  reporter?: string;

  @Text({
    presence: "optional",
    max: 200,
    description: "A ticket number, or words of title and description.",
  })
  q?: string;

  @IntRange(1, 100, 25, { description: "1–100, default 25." })
  limit: number = 25;

  @Text({ presence: "optional", max: 300, description: "`next_cursor` of the previous page." })
  cursor?: string;
}

@ApiSchema({ name: "TicketCreate", description: "A new ticket. Unknown fields are refused." })
export class TicketCreate {
  @Text({ presence: "required", ...TITLE })
  title: string;

  @Text({ presence: "required", ...DESCRIPTION })
  description: string;

  @OneOf(TICKET_TYPES, "required")
  type: TicketType;

  @OneOf(PRIORITIES, "optional")
  priority?: Priority;

  @Email("optional", {
    description: "Files the ticket for this user (needs an agent key); default: the key's owner.",
  })
  reporter_email?: string;

  @Uuid("nullable")
  asset_id?: string | null;

  @Uuid("nullable")
  movement_id?: string | null;
}

@ApiSchema({ name: "TicketPatch", description: "The fields to change; absent fields stay as they are." })
export class TicketPatch {
  @Text({ presence: "optional", ...TITLE })
  title?: string;

  @Text({ presence: "optional", ...DESCRIPTION })
  description?: string;

  @OneOf(TICKET_TYPES, "optional")
  type?: TicketType;

  @OneOf(PRIORITIES, "optional")
  priority?: Priority;

  @OneOf(STATUSES, "optional", {
    description:
      "open→in_progress, in_progress→resolved, resolved→closed, resolved→in_progress (reopen), open|in_progress|resolved→cancelled. Anything else: 409.",
  })
  status?: Status;

  @Email("nullable", {
    description: "An agent's email, or null to unassign. Assigning an open ticket moves it to in_progress.",
  })
  assignee_email?: string | null;

  @Text({ presence: "optional", max: 2000, description: "Required when cancelling." })
  reason?: string;

  @Text({
    presence: "optional",
    max: 20_000,
    description: "A reporter rejecting a resolution (resolved→in_progress) says why.",
  })
  comment?: string;
}

@ApiSchema({ name: "CommentCreate", description: "A new comment." })
export class CommentCreate {
  @Text({
    presence: "required",
    max: 20_000,
    maxMessage: DESCRIPTION.maxMessage,
    trim: true,
    nonEmpty: true,
    text: true,
  })
  body: string;

  @OneOf(VISIBILITIES, "required", {
    description: "external: the reporter sees it and is emailed; internal: agents only.",
  })
  visibility: Visibility;
}

/** `{id}` of /public/v1/tickets/{id}. */
export class TicketIdParams {
  @Text({
    presence: "required",
    max: 60,
    nonEmpty: true,
    description: "The ticket's id or its number (TKT-000042).",
  })
  id: string;
}
