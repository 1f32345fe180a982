import type { Status, TicketEventName } from "@uslimato/domain";

/** The placeholders every event's template may use (seed, "Email notifications"). */
export const TICKET_PLACEHOLDERS = [
  "ticket_number",
  "ticket_title",
  "ticket_status",
  "assignee_name",
  "reporter_name",
  "comment_body",
] as const;

/**
 * ticket.resolved mails also carry the signed links that let the reporter confirm (→ closed) or reject
 * (→ in progress) the resolution without signing in (product.md §2, "Reporter confirmation").
 */
export const RESOLVED_PLACEHOLDERS = ["confirm_url", "reject_url"] as const;

export type Placeholder = (typeof TICKET_PLACEHOLDERS)[number] | (typeof RESOLVED_PLACEHOLDERS)[number];

/** What a template of `event` may name, in the order Settings → ITSM → Email templates lists them. */
export function placeholdersFor(event: TicketEventName): Placeholder[] {
  return event === "ticket.resolved"
    ? [...TICKET_PLACEHOLDERS, ...RESOLVED_PLACEHOLDERS]
    : [...TICKET_PLACEHOLDERS];
}

/** The values a template is rendered with: every placeholder of the event, "" when there is none. */
export type MailView = Partial<Record<Placeholder, string>>;

const STATUS_LABELS: Record<Status, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
};

/** {{ticket_status}} as the UI words it ("In progress", not "in_progress"). */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as Status] ?? status;
}

/** The preview's and the test send's values: a plausible ticket, never a real one. */
export function sampleView(event: TicketEventName, publicUrl: string): MailView {
  const base = publicUrl.replace(/\/+$/, "");
  const view: MailView = {
    ticket_number: "TKT-000042",
    ticket_title: "The printer on floor 3 prints blank pages",
    ticket_status: statusLabel(
      event === "ticket.resolved" ? "resolved" : event === "ticket.closed" ? "closed" : "in_progress",
    ),
    assignee_name: "Alex Agent",
    reporter_name: "Robin Reporter",
    comment_body: "We replaced the toner cartridge. Could you print a test page?\nThanks, Alex",
  };
  if (event === "ticket.resolved") {
    view.confirm_url = `${base}/ticket-actions/example-confirm-link`;
    view.reject_url = `${base}/ticket-actions/example-reject-link`;
  }
  return view;
}
