import { z } from "zod";
import { STATUSES } from "../../modules/tickets/ticket-status.ts";
import { email } from "../schemas.ts";
import {
  commentBody,
  description,
  priority,
  status,
  ticketType,
  title,
  visibility,
} from "../ticket-schemas.ts";

/**
 * The Public API's schemas: they validate requests, shape responses, and generate the OpenAPI document
 * (`/public/v1/openapi.json`) — one definition for all three. Schemas with an `id` become
 * `components.schemas` of the document; `description` and `example` end up beside each field.
 */

export const Person = z
  .object({ id: z.uuid(), name: z.string(), email: z.string() })
  .meta({ id: "Person", description: "A user of the tenant." });

export const Ticket = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ description: "Prefix and counter, e.g. TKT-000042.", example: "TKT-000042" }),
    type: ticketType,
    status,
    priority,
    title: z.string(),
    description: z.string(),
    reporter: Person,
    assignee: Person.nullable(),
    asset_id: z.uuid().nullable(),
    movement_id: z.uuid().nullable(),
    cancel_reason: z.string().nullable(),
    created_at: z.date(),
    updated_at: z.date(),
    resolved_at: z.date().nullable(),
    closed_at: z.date().nullable(),
  })
  .meta({ id: "Ticket", description: "A ticket of the service desk." });

export const TicketPage = z
  .object({
    data: z.array(Ticket),
    next_cursor: z.string().nullable().meta({
      description: "Pass as `cursor` (with the same filters) for the next page; null on the last page.",
    }),
  })
  .meta({ id: "TicketPage", description: "One page of tickets, newest first." });

export const Comment = z
  .object({
    id: z.uuid(),
    body: z.string(),
    visibility: visibility.meta({
      description: "external: the reporter sees it and is emailed; internal: agents only.",
    }),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    created_at: z.date(),
  })
  .meta({ id: "Comment", description: "A comment on a ticket." });

export const CommentList = z
  .object({ data: z.array(Comment) })
  .meta({ id: "CommentList", description: "Every comment of a ticket, oldest first." });

export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "422: one entry per invalid or unknown field." }),
  })
  .meta({
    id: "Problem",
    description: "An RFC 9457 problem. 403 for a disabled feature also names it in `feature`.",
  });

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item));

export const TicketListQuery = z.strictObject({
  status: csv(status)
    .optional()
    .meta({ description: `Comma-separated: ${STATUSES.join(", ")}.`, example: "open,in_progress" }),
  type: ticketType.optional(),
  assignee: z
    .string()
    .max(254)
    .optional()
    .meta({ description: "`unassigned`, a user id, or an email address." }),
  reporter: z.string().max(254).optional().meta({ description: "A user id or an email address." }),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "A ticket number, or words of title and description." }),
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: "1–100, default 25." }),
  cursor: z.string().max(300).optional().meta({ description: "`next_cursor` of the previous page." }),
});

export const TicketCreate = z.strictObject({
  title,
  description,
  type: ticketType,
  priority: priority.optional(),
  reporter_email: email
    .optional()
    .meta({ description: "Files the ticket for this user (needs an agent key); default: the key's owner." }),
  asset_id: z.uuid().nullish(),
  movement_id: z.uuid().nullish(),
});

export const TicketPatch = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  type: ticketType.optional(),
  priority: priority.optional(),
  status: status.optional().meta({
    description:
      "open→in_progress, in_progress→resolved, resolved→closed, resolved→in_progress (reopen), open|in_progress|resolved→cancelled. Anything else: 409.",
  }),
  assignee_email: email.nullable().optional().meta({
    description: "An agent's email, or null to unassign. Assigning an open ticket moves it to in_progress.",
  }),
  reason: z.string().max(2000).optional().meta({ description: "Required when cancelling." }),
  comment: z
    .string()
    .max(20_000)
    .optional()
    .meta({ description: "A reporter rejecting a resolution (resolved→in_progress) says why." }),
});

export const CommentCreate = z.strictObject({ body: commentBody, visibility });

export const TicketIdParam = z.object({
  id: z.string().min(1).max(60).meta({ description: "The ticket's id or its number (TKT-000042)." }),
});

export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z.string().min(1).max(255).optional().meta({
    description:
      "Any unique string (e.g. a UUID). Retrying with the same key and body returns the first response; the same key with another body is refused (422). Kept 24 hours.",
  }),
});

/** A success response with its description, for the document. */
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

const ERRORS = {
  400: problemResponse("The body is not valid JSON."),
  401: problemResponse("No API key, or a key that is not valid, revoked or expired."),
  403: problemResponse("The key lacks the scope, its owner lacks the permission, or public_api is off."),
  404: problemResponse("No such ticket in this tenant (or the ticket API is not licensed)."),
  409: problemResponse("The status change is not allowed from the current status."),
  413: problemResponse("The body is larger than 1 MB."),
  415: problemResponse("Send the body as Content-Type: application/json."),
  422: problemResponse("Invalid or unknown fields, parameters or cursor; see `errors`."),
  429: problemResponse("Rate limited: wait `Retry-After` seconds."),
} as const;

/** The error responses of an operation, for the document (the bodies come from the one error handler). */
export function errorResponses<C extends keyof typeof ERRORS>(...codes: C[]): Pick<typeof ERRORS, C> {
  return Object.fromEntries(codes.map((c) => [c, ERRORS[c]])) as Pick<typeof ERRORS, C>;
}
