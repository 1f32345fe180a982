// The tickets domain: services (create/change/load, queue, comments, history, settings, auto-close, the
// change feed), their types, and the ticket DTO field rules the Public API's DTOs share.
export * from "./as-reporter.ts";
export * from "./asset-link.ts";
export * from "./auto-close.service.ts";
export * from "./change-plan.ts";
export * from "./comments.service.ts";
export * from "./desk.service.ts";
export { PeopleQueryDto } from "./dto/queue-query.dto.ts";
export * from "./dto/ticket-fields.ts";
export * from "./history.ts";
export * from "./people.service.ts";
export * from "./queue.service.ts";
export * from "./queue-cursor.ts";
export * from "./queue-statement.ts";
export * from "./ticket-change-feed.ts";
export * from "./ticket-events-outbox.ts";
export * from "./ticket-history.service.ts";
export * from "./ticket-query.ts";
export * from "./ticket-settings.service.ts";
export * from "./ticket-view.ts";
export * from "./tickets.module.ts";
export * from "./tickets.service.ts";
