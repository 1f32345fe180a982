// `@uslimato/web-tickets/testing`: fixtures and setup for specs (the ticket pages, the queue, the "New
// ticket" dialogs of the agent portal and the desk). A secondary entry point, not part of the library's
// index, so the app never bundles it.
export { newTicketDialogSpec } from "./lib/common/new-ticket-dialog.testing.ts";
export { testTicket } from "./lib/common/test-ticket.ts";
