import { TICKET_EVENTS, type TicketEventName } from "@uslimato/domain";
import { Trim } from "@uslimato/server-core";
import { Required } from "@uslimato/server-tickets";
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from "class-validator";
import { TEMPLATE_LIMITS } from "./templates.ts";

const text = () => IsString({ message: "must be text" });

/** `:event` of /api/settings/itsm/email-templates/:event: a ticket event name ("ticket.created"). */
export class EmailTemplateParams {
  @IsIn(TICKET_EVENTS, { message: `must be one of: ${TICKET_EVENTS.join(", ")}` })
  event: TicketEventName;
}

/**
 * A template as saved, previewed or test-sent. The type and size checks are here; the placeholders
 * and braces are checked by templateProblems() (the service), which names the offending placeholder.
 * Stacked decorators run bottom-up: the type check is the last one.
 */
export class EmailTemplateDto {
  @MaxLength(TEMPLATE_LIMITS.subject, { message: "must be at most 500 characters" })
  @MinLength(1, { message: "is required" })
  @text()
  @Required()
  subject: string;

  @MaxLength(TEMPLATE_LIMITS.html, { message: "must be at most 100,000 characters" })
  @MinLength(1, { message: "is required" })
  @text()
  @Required()
  html: string;

  @MaxLength(TEMPLATE_LIMITS.text, { message: "must be at most 100,000 characters" })
  @MinLength(1, { message: "is required" })
  @text()
  @Required()
  text: string;
}

/** The path of a signed confirm/reject link: the token is checked by verifyActionLink(). */
export class ActionLinkParams {
  @MaxLength(300, { message: "is not a valid link" })
  @text()
  token: string;
}

/** POST of a confirm/reject link (a form or JSON): rejecting needs the comment. */
export class ActionLinkBodyDto {
  @IsOptional()
  @Trim()
  @MaxLength(20_000, { message: "must be at most 20,000 characters" })
  @text()
  comment?: string;
}
