import type { ActionOutcome } from "./action-links.service.ts";
import { escapeHtml } from "./templates.ts";

// The small pages behind the confirm/reject links of ticket.resolved mails: plain HTML, no script (the
// CSP allows none inline), inline styles (allowed), a form that POSTs to the same URL. A GET never
// changes anything: mail scanners and link previews fetch links before the person clicks.

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:32px 16px;background:#f4f5f7;font-family:system-ui,Arial,Helvetica,sans-serif;color:#172b4d;">
<main style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #dfe1e6;border-radius:6px;padding:24px 28px;">
${body}
</main>
</body>
</html>
`;

const ticketLine = ({ ticket }: Pick<ActionOutcome, "ticket">) =>
  `<p style="margin:0 0 16px;color:#5e6c84;">${escapeHtml(ticket.number)} · ${escapeHtml(ticket.title)}</p>`;

const button = (label: string, colour: string) =>
  `<button type="submit" style="font:inherit;font-weight:bold;padding:10px 18px;border:0;border-radius:4px;background:${colour};color:#fff;cursor:pointer;">${label}</button>`;

/** GET: what the link will do, and the button that does it. */
export function actionFormPage(outcome: ActionOutcome, error?: string): string {
  const alert = error
    ? `<p role="alert" style="margin:0 0 16px;padding:10px 12px;background:#ffebe6;border-left:4px solid #de350b;">${escapeHtml(error)}</p>`
    : "";
  if (outcome.action === "confirm") {
    return page(
      `Confirm the solution of ${outcome.ticket.number}`,
      `<h1 style="margin:0 0 8px;font-size:22px;">Is your problem solved?</h1>
${ticketLine(outcome)}${alert}
<p style="margin:0 0 20px;">Confirming closes the ticket.</p>
<form method="post">${button("Yes, it is solved: close the ticket", "#00875a")}</form>`,
    );
  }
  return page(
    `Reject the solution of ${outcome.ticket.number}`,
    `<h1 style="margin:0 0 8px;font-size:22px;">The problem is not solved</h1>
${ticketLine(outcome)}${alert}
<form method="post">
<label for="comment" style="display:block;font-weight:bold;margin:0 0 6px;">What is still not working?</label>
<textarea id="comment" name="comment" required maxlength="20000" rows="6" style="box-sizing:border-box;width:100%;font:inherit;padding:8px;border:1px solid #c1c7d0;border-radius:4px;margin:0 0 16px;"></textarea>
${button("Reopen the ticket", "#0052cc")}
</form>`,
  );
}

/** POST done: what happened. */
export function actionDonePage(outcome: ActionOutcome): string {
  const what =
    outcome.action === "confirm"
      ? "Thank you. The ticket is closed."
      : "Thank you. The ticket is open again and the service desk will look at your comment.";
  return page(
    `${outcome.ticket.number}: ${outcome.ticket.statusLabel}`,
    `<h1 style="margin:0 0 8px;font-size:22px;">${escapeHtml(what)}</h1>
${ticketLine(outcome)}<p style="margin:0;">Status: <strong>${escapeHtml(outcome.ticket.statusLabel)}</strong></p>`,
  );
}

/** Any refusal (forged, expired, no longer resolved): what went wrong; nothing was changed. */
export function actionErrorPage(title: string, detail: string): string {
  return page(
    title,
    `<h1 style="margin:0 0 8px;font-size:22px;">${escapeHtml(title)}</h1>
<p style="margin:0;">${escapeHtml(detail)}</p>`,
  );
}
