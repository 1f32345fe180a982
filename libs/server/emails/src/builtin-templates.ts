import type { TicketEventName } from "@uslimato/domain";
import type { TemplateParts } from "./templates.ts";

// The built-in templates: what a tenant gets without a custom one, and what Settings → ITSM → Email
// templates starts from. They use the same placeholders as custom templates and nothing else, so a
// tenant can copy and change them freely.
//
// Mail clients (Outlook's Word engine, Gmail's style stripping) want table layout, inline styles,
// web-safe fonts, no remote images, no scripts and a plain-text part beside the HTML one.

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const TEXT_COLOR = "color:#172b4d;";

interface Layout {
  heading: string;
  /** Paragraphs (HTML, mustache). */
  intro: string;
  /** Extra rows under the intro (HTML, mustache): a quoted comment, buttons. */
  extra?: string;
}

function html({ heading, intro, extra = "" }: Layout): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{{ticket_number}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #dfe1e6;">
<tr><td style="padding:16px 28px;border-bottom:3px solid #0052cc;${FONT}font-size:13px;color:#5e6c84;">Service desk &middot; {{ticket_number}}</td></tr>
<tr><td style="padding:24px 28px 8px 28px;${FONT}font-size:15px;line-height:22px;${TEXT_COLOR}">
<h1 style="margin:0 0 12px 0;${FONT}font-size:20px;line-height:28px;font-weight:bold;${TEXT_COLOR}">${heading}</h1>
${intro}
</td></tr>
${extra}<tr><td style="padding:8px 28px 24px 28px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;${FONT}font-size:14px;line-height:20px;${TEXT_COLOR}">
${detailRow("Ticket", "{{ticket_number}}")}
${detailRow("Title", "{{ticket_title}}")}
${detailRow("Status", "{{ticket_status}}")}
${detailRow("Assignee", "{{#assignee_name}}{{assignee_name}}{{/assignee_name}}{{^assignee_name}}Unassigned{{/assignee_name}}")}
${detailRow("Reporter", "{{reporter_name}}")}
</table>
</td></tr>
<tr><td style="padding:14px 28px;border-top:1px solid #dfe1e6;${FONT}font-size:12px;line-height:18px;color:#6b778c;">This is an automatic message from your service desk about {{ticket_number}}.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function detailRow(label: string, value: string): string {
  return `<tr><td width="110" style="padding:6px 12px 6px 0;border-top:1px solid #ebecf0;color:#5e6c84;vertical-align:top;">${label}</td><td style="padding:6px 0;border-top:1px solid #ebecf0;vertical-align:top;">${value}</td></tr>`;
}

const paragraph = (content: string) => `<p style="margin:0 0 12px 0;">${content}</p>`;

/** The comment, quoted; pre-wrap keeps its line breaks (clients that ignore it still show the words). */
const QUOTED_COMMENT = `<tr><td style="padding:0 28px 8px 28px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:12px 16px;background-color:#f4f5f7;border-left:4px solid #0052cc;${FONT}font-size:14px;line-height:21px;${TEXT_COLOR}white-space:pre-wrap;">{{comment_body}}</td></tr></table>
</td></tr>
`;

/** Two buttons as tables with a background colour: the one form every client (Outlook too) draws. */
const CONFIRM_BUTTONS = `<tr><td style="padding:8px 28px 16px 28px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td bgcolor="#00875a" style="background-color:#00875a;border-radius:4px;"><a href="{{confirm_url}}" target="_blank" style="display:inline-block;padding:11px 20px;${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;">Yes, it is solved</a></td>
<td width="12" style="width:12px;">&nbsp;</td>
<td bgcolor="#ffffff" style="background-color:#ffffff;border:1px solid #c1c7d0;border-radius:4px;"><a href="{{reject_url}}" target="_blank" style="display:inline-block;padding:10px 19px;${FONT}font-size:15px;font-weight:bold;color:#172b4d;text-decoration:none;">No, it is not solved</a></td>
</tr></table>
</td></tr>
<tr><td style="padding:0 28px 8px 28px;${FONT}font-size:13px;line-height:19px;color:#5e6c84;">The buttons work without signing in and expire after 14 days. Without an answer the ticket is closed automatically after a few days.</td></tr>
`;

const DETAILS_TEXT = `Ticket:   {{ticket_number}}
Title:    {{ticket_title}}
Status:   {{ticket_status}}
Assignee: {{#assignee_name}}{{assignee_name}}{{/assignee_name}}{{^assignee_name}}Unassigned{{/assignee_name}}
Reporter: {{reporter_name}}

--
This is an automatic message from your service desk about {{ticket_number}}.
`;

export const BUILTIN_TEMPLATES: Record<TicketEventName, TemplateParts> = {
  "ticket.created": {
    subject: "[{{ticket_number}}] New ticket: {{ticket_title}}",
    html: html({
      heading: "New ticket {{ticket_number}}",
      intro: paragraph(
        "{{reporter_name}} reported <strong>{{ticket_title}}</strong>. The service desk will look at it and keep you posted.",
      ),
    }),
    text: `New ticket {{ticket_number}}

{{reporter_name}} reported "{{ticket_title}}". The service desk will look at it and keep you posted.

${DETAILS_TEXT}`,
  },
  "ticket.assigned": {
    subject: "[{{ticket_number}}] Assigned to you: {{ticket_title}}",
    html: html({
      heading: "{{ticket_number}} is assigned to you",
      intro: paragraph(
        "{{assignee_name}}, the ticket <strong>{{ticket_title}}</strong> reported by {{reporter_name}} is now yours.",
      ),
    }),
    text: `{{ticket_number}} is assigned to you

{{assignee_name}}, the ticket "{{ticket_title}}" reported by {{reporter_name}} is now yours.

${DETAILS_TEXT}`,
  },
  "ticket.comment_added": {
    subject: "[{{ticket_number}}] New comment: {{ticket_title}}",
    html: html({
      heading: "New comment on {{ticket_number}}",
      intro: paragraph("There is a new comment on your ticket <strong>{{ticket_title}}</strong>:"),
      extra: QUOTED_COMMENT,
    }),
    text: `New comment on {{ticket_number}}

There is a new comment on your ticket "{{ticket_title}}":

{{comment_body}}

${DETAILS_TEXT}`,
  },
  "ticket.status_changed": {
    subject: "[{{ticket_number}}] {{ticket_status}}: {{ticket_title}}",
    html: html({
      heading: "{{ticket_number}} is now {{ticket_status}}",
      intro: paragraph(
        "The status of your ticket <strong>{{ticket_title}}</strong> changed to <strong>{{ticket_status}}</strong>.",
      ),
    }),
    text: `{{ticket_number}} is now {{ticket_status}}

The status of your ticket "{{ticket_title}}" changed to {{ticket_status}}.

${DETAILS_TEXT}`,
  },
  "ticket.resolved": {
    subject: "[{{ticket_number}}] Resolved, please confirm: {{ticket_title}}",
    html: html({
      heading: "{{ticket_number}} is resolved",
      intro: paragraph(
        "The service desk resolved your ticket <strong>{{ticket_title}}</strong>. Is the problem solved for you?",
      ),
      extra: CONFIRM_BUTTONS,
    }),
    text: `{{ticket_number}} is resolved

The service desk resolved your ticket "{{ticket_title}}". Is the problem solved for you?

Yes, it is solved:
{{confirm_url}}

No, it is not solved:
{{reject_url}}

The links work without signing in and expire after 14 days. Without an answer the ticket is closed automatically after a few days.

${DETAILS_TEXT}`,
  },
  "ticket.closed": {
    subject: "[{{ticket_number}}] Closed: {{ticket_title}}",
    html: html({
      heading: "{{ticket_number}} is closed",
      intro: paragraph(
        "Your ticket <strong>{{ticket_title}}</strong> is closed. If the problem comes back, please report a new ticket.",
      ),
    }),
    text: `{{ticket_number}} is closed

Your ticket "{{ticket_title}}" is closed. If the problem comes back, please report a new ticket.

${DETAILS_TEXT}`,
  },
};
