// `@uslimato/web-tickets/testing`: for the "New ticket" dialogs' specs (agent and desk). A secondary entry
// point, not part of the library's index, so the app never bundles it.
export { newTicketDialogSpec } from "./lib/common/new-ticket-dialog.testing.ts";
