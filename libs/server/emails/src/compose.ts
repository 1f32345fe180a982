import { featureEnabled, formatNumber, type LicenseState, type TicketEvent } from "@uslimato/domain";
import type { EntityManager } from "typeorm";
import { resolutionLinks } from "./action-links.ts";
import { BUILTIN_TEMPLATES } from "./builtin-templates.ts";
import { type MailView, statusLabel } from "./placeholders.ts";
import { deliveryKeyFor, type EventFacts, type MailPerson, recipientsFor } from "./recipients.ts";
import { renderTemplate, type TemplateParts } from "./templates.ts";

/** One rendered mail to one recipient, under the key that makes it sent at most once. */
export interface OutgoingMail {
  /** One recipient address. */
  to: string;
  recipientUserId: string | null;
  /** A single line: CR/LF and control characters removed (no header injection). */
  subject: string;
  /** Values HTML-escaped. */
  html: string;
  text: string;
  /** Unique per (event, recipient): `${outboxId}-${recipientUserId ?? address}`; no ':'. */
  deliveryKey: string;
}

export interface MailLinks {
  /** PUBLIC_URL: the base of the confirm/reject links. */
  publicUrl: string;
  /** The HMAC key of those links (server_secrets 'email_links', see emailLinkSecret()). */
  secret: string;
}

interface TicketFacts {
  number: number;
  prefix: string;
  title: string;
  status: string;
  resolved_at: Date | null;
  reporter_id: string;
  assignee_id: string | null;
}

/**
 * The mails of one ticket event: recipients by the rules of recipientsFor(), each rendered from the
 * tenant's custom template (with the email_templates flag) or the built-in one. Runs inside the
 * worker's tenant transaction (inTenant) and only reads. [] when email_notifications is off, the
 * ticket is gone, or nobody is to be told.
 */
export async function composeEventMails(
  em: EntityManager,
  event: TicketEvent,
  outboxId: string,
  links: MailLinks,
): Promise<OutgoingMail[]> {
  const { tenantId, ticketId } = event.payload;
  const [license] = (await em.query("select active, flags from itsm_licenses where tenant_id = $1", [
    tenantId,
  ])) as LicenseState[];
  if (!featureEnabled(license, "email_notifications")) return [];

  const [ticket] = (await em.query(
    `select number, prefix, title, status, resolved_at, reporter_id, assignee_id
     from tickets where tenant_id = $1 and id = $2`,
    [tenantId, ticketId],
  )) as TicketFacts[];
  if (!ticket) return [];

  const eventAssigneeId = event.name === "ticket.assigned" ? event.payload.assigneeId : null;
  const people = await loadPeople(em, tenantId, [ticket.reporter_id, ticket.assignee_id, eventAssigneeId]);
  const reporter = people.get(ticket.reporter_id);
  if (!reporter) return [];

  const [settings] = (await em.query("select queue_email from itsm_settings where tenant_id = $1", [
    tenantId,
  ])) as { queue_email: string | null }[];
  const queueEmail = settings?.queue_email ?? null;
  const comment =
    event.name === "ticket.comment_added"
      ? ((
          (await em.query(
            "select visibility, body from ticket_comments where tenant_id = $1 and id = $2 and ticket_id = $3",
            [tenantId, event.payload.commentId, ticketId],
          )) as { visibility: "external" | "internal"; body: string }[]
        )[0] ?? null)
      : null;
  const facts: EventFacts = {
    reporter,
    assignee: eventAssigneeId ? (people.get(eventAssigneeId) ?? null) : null,
    // Only ticket.created without a queue address mails the agents: read them only then.
    agents: event.name === "ticket.created" && !queueEmail ? await loadAgents(em, tenantId) : [],
    queueEmail,
    comment,
  };
  const recipients = recipientsFor(event, facts);
  if (recipients.length === 0) return [];

  const assignee = people.get(eventAssigneeId ?? ticket.assignee_id ?? "");
  const view: MailView = {
    ticket_number: formatNumber(ticket.prefix, Number(ticket.number)),
    ticket_title: ticket.title,
    // The status the mail is about, not whatever the ticket reached since.
    ticket_status: statusLabel(
      event.name === "ticket.status_changed"
        ? event.payload.to
        : event.name === "ticket.resolved"
          ? "resolved"
          : event.name === "ticket.closed"
            ? "closed"
            : ticket.status,
    ),
    assignee_name: assignee?.name ?? "",
    reporter_name: reporter.name,
    comment_body: comment?.body ?? "",
  };
  if (event.name === "ticket.resolved") {
    // The links' 14 days count from the resolution, so a retried job signs the same links.
    Object.assign(view, resolutionLinks({ tenantId, ticketId }, new Date(event.payload.occurredAt), links));
  }

  const template = featureEnabled(license, "email_templates")
    ? ((await loadCustomTemplate(em, tenantId, event.name)) ?? BUILTIN_TEMPLATES[event.name])
    : BUILTIN_TEMPLATES[event.name];
  const rendered = renderTemplate(template, view);
  return recipients.map((r) => ({
    to: r.to,
    recipientUserId: r.userId,
    ...rendered,
    deliveryKey: deliveryKeyFor(outboxId, r),
  }));
}

async function loadPeople(
  em: EntityManager,
  tenantId: string,
  ids: (string | null)[],
): Promise<Map<string, MailPerson>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = (await em.query(
    "select id, name, email, active from users where tenant_id = $1 and id = any($2::uuid[])",
    [tenantId, wanted],
  )) as MailPerson[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The agent queue: active users in a group holding tickets:manage (as the assignee picker lists them). */
async function loadAgents(em: EntityManager, tenantId: string): Promise<MailPerson[]> {
  return (await em.query(
    `select u.id, u.name, u.email, u.active from users u
     where u.tenant_id = $1 and u.active and exists (
       select 1 from group_members gm
       join group_permissions gp on gp.tenant_id = gm.tenant_id and gp.group_id = gm.group_id
       where gm.tenant_id = u.tenant_id and gm.user_id = u.id and gp.permission = 'tickets:manage')
     order by u.email`,
    [tenantId],
  )) as MailPerson[];
}

/** The tenant's template for the event, or null (then the built-in one applies). */
export async function loadCustomTemplate(
  em: EntityManager,
  tenantId: string,
  event: string,
): Promise<TemplateParts | null> {
  const [row] = (await em.query(
    "select subject, html, text from email_templates where tenant_id = $1 and event = $2",
    [tenantId, event],
  )) as TemplateParts[];
  return row ?? null;
}
