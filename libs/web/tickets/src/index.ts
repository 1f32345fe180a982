// The agent portal's tickets: the queue and the ticket page (mounted at /tickets by apps/web), and the
// ticket pieces the desk portal shares (timeline, plain text, history words, types, the "New ticket" fields
// and asset box), and the "New ticket" dialog an asset page opens for "Report issue".

export {
  assetText,
  describeHistory,
  formatDateTime,
  formatWhen,
  movementLabel,
  statusWord,
} from "./lib/common/history-words.ts";
export { linkify, PlainTextComponent } from "./lib/common/plain-text.component.ts";
export { TicketAssetComponent } from "./lib/common/ticket-asset.component.ts";
export { TicketDescriptionComponent } from "./lib/common/ticket-description.component.ts";
export {
  TICKET_FIELDS,
  type TicketFieldControls,
  TicketFieldsComponent,
  ticketFieldControls,
  ticketFieldValues,
} from "./lib/common/ticket-fields.component.ts";
export { assetPageLink, takeCreatedMark } from "./lib/common/ticket-page-parts.ts";
export { type Audience, mergeTimeline, TicketTimelineComponent } from "./lib/common/timeline.component.ts";
export type {
  Comment,
  HistoryEntry,
  NewTicketDialogData,
  Person,
  Ticket,
  TicketAsset,
  TicketMovement,
  TicketPage,
  Visibility,
} from "./lib/common/types.ts";
export { TicketListComponent } from "./lib/queue/ticket-list.component.ts";
export { NewTicketDialogComponent } from "./lib/ticket/new-ticket-dialog.component.ts";
export { TICKETS_ROUTES } from "./lib/tickets.routes.ts";
