// The desk portal for reporters (mounted at /desk by apps/web, with its own reduced layout), and its
// "New ticket" dialog an asset page opens for "Report issue" (users without the agent portal).

export { DESK_ROUTES } from "./lib/desk.routes.ts";
export { DeskNewTicketDialogComponent } from "./lib/desk-new-ticket-dialog.component.ts";
