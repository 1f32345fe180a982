import { ApiProperty, ApiPropertyOptional, ApiSchema } from "@nestjs/swagger";
import { STATUSES, type Status } from "@uslimato/domain";
import {
  PRIORITIES,
  type Priority,
  TICKET_TYPES,
  type TicketType,
  VISIBILITIES,
  type Visibility,
} from "./public-tickets.dto.ts";

/**
 * The Public API's response bodies, for the OpenAPI document; the service builds exactly these shapes
 * (public-json.ts). Every field is required (present, maybe null): the document says what is sent.
 */
const uuid = { type: "string", format: "uuid" } as const;
const dateTime = { type: "string", format: "date-time" } as const;

@ApiSchema({ name: "Person", description: "A user of the tenant." })
export class PersonJson {
  @ApiProperty(uuid)
  id: string;

  @ApiProperty({ type: "string" })
  name: string;

  @ApiProperty({ type: "string" })
  email: string;
}

@ApiSchema({ name: "Ticket", description: "A ticket of the service desk." })
export class TicketJson {
  @ApiProperty(uuid)
  id: string;

  @ApiProperty({ type: "string", description: "Prefix and counter, e.g. TKT-000042.", example: "TKT-000042" })
  number: string;

  @ApiProperty({ type: "string", enum: [...TICKET_TYPES] })
  type: TicketType;

  @ApiProperty({ type: "string", enum: [...STATUSES] })
  status: Status;

  @ApiProperty({ type: "string", enum: [...PRIORITIES] })
  priority: Priority;

  @ApiProperty({ type: "string" })
  title: string;

  @ApiProperty({ type: "string" })
  description: string;

  @ApiProperty({ type: () => PersonJson })
  reporter: PersonJson;

  @ApiProperty({ type: () => PersonJson, nullable: true })
  assignee: PersonJson | null;

  @ApiProperty({ ...uuid, nullable: true })
  asset_id: string | null;

  @ApiProperty({ ...uuid, nullable: true })
  movement_id: string | null;

  @ApiProperty({ type: "string", nullable: true, description: "Why it was cancelled, when it was." })
  cancel_reason: string | null;

  @ApiProperty(dateTime)
  created_at: string;

  @ApiProperty(dateTime)
  updated_at: string;

  @ApiProperty({ ...dateTime, nullable: true })
  resolved_at: string | null;

  @ApiProperty({ ...dateTime, nullable: true })
  closed_at: string | null;
}

@ApiSchema({ name: "TicketPage", description: "One page of tickets, newest first." })
export class TicketPageJson {
  @ApiProperty({ type: () => [TicketJson] })
  data: TicketJson[];

  @ApiProperty({
    type: "string",
    nullable: true,
    description: "Pass as `cursor` (with the same filters) for the next page; null on the last page.",
  })
  next_cursor: string | null;
}

@ApiSchema({ name: "CommentAuthor", description: "Who wrote a comment." })
export class CommentAuthorJson {
  @ApiProperty(uuid)
  id: string;

  @ApiProperty({ type: "string" })
  name: string;
}

@ApiSchema({ name: "Comment", description: "A comment on a ticket." })
export class CommentJson {
  @ApiProperty(uuid)
  id: string;

  @ApiProperty({ type: "string" })
  body: string;

  @ApiProperty({
    type: "string",
    enum: [...VISIBILITIES],
    description: "external: the reporter sees it and is emailed; internal: agents only.",
  })
  visibility: Visibility;

  @ApiProperty({ type: () => CommentAuthorJson, nullable: true })
  author: CommentAuthorJson | null;

  @ApiProperty(dateTime)
  created_at: string;
}

@ApiSchema({ name: "CommentList", description: "Every comment of a ticket, oldest first." })
export class CommentListJson {
  @ApiProperty({ type: () => [CommentJson] })
  data: CommentJson[];
}

@ApiSchema({ name: "FieldError", description: "One invalid or unknown field." })
export class FieldErrorJson {
  @ApiProperty({ type: "string", description: 'JSON path of the field, e.g. "title" or "status.1".' })
  field: string;

  @ApiProperty({ type: "string" })
  message: string;
}

@ApiSchema({
  name: "Problem",
  description: "An RFC 9457 problem. 403 for a disabled feature also names it in `feature`.",
})
export class ProblemJson {
  @ApiProperty({ type: "string", format: "uri" })
  type: string;

  @ApiProperty({ type: "string" })
  title: string;

  @ApiProperty({ type: "integer" })
  status: number;

  @ApiProperty({ type: "string" })
  detail: string;

  @ApiPropertyOptional({
    type: () => [FieldErrorJson],
    description: "422: one entry per invalid or unknown field.",
  })
  errors?: FieldErrorJson[];
}
