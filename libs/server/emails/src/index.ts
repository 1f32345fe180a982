// What each ticket event's emails say and to whom: recipients, templates (built-in and custom), the
// signed confirm/reject links, the mail transport, and composeEventMails() for the notification worker.
export * from "./action-form-parser.ts";
export * from "./action-links.service.ts";
export * from "./action-links.ts";
export * from "./builtin-templates.ts";
export * from "./compose.ts";
export * from "./email-templates.service.ts";
export * from "./emails.module.ts";
export * from "./mail-transport.ts";
export * from "./placeholders.ts";
export * from "./recipients.ts";
export * from "./templates.ts";
