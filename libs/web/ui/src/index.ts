// Shared presentational pieces of the web app (see libs/web/README.md). No HTTP, no state.

export { PriorityBadgeComponent, StatusBadgeComponent } from "./lib/badges.component.ts";
export { BrandComponent } from "./lib/brand.component.ts";
export {
  ConfirmDialogComponent,
  type ConfirmOptions,
  confirmAction,
} from "./lib/confirm-dialog.component.ts";
export { EmptyStateComponent } from "./lib/empty-state.component.ts";
export { ErrorStateComponent } from "./lib/error-state.component.ts";
export {
  PRIORITIES,
  PRIORITY_LABEL,
  type Priority,
  STATUS_LABEL,
  TICKET_TYPES,
  type TicketType,
  TYPE_LABEL,
} from "./lib/labels.ts";
export { LoadingStateComponent } from "./lib/loading-state.component.ts";
export { Notify } from "./lib/notify.ts";
export { PageHeaderComponent } from "./lib/page-header.component.ts";
export { RecordStateComponent } from "./lib/record-state.component.ts";
