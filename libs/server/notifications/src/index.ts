// Ticket-event notifications: the outbox relay, the ticket-events worker (deliveries, quota, retries),
// the scheduled jobs, and the usage/operations views of the api.
export * from "./deliveries.ts";
export * from "./event-processor.ts";
export * from "./handler-registry.ts";
export * from "./mail-rules.ts";
export * from "./mail-types.ts";
export * from "./notification-worker.ts";
export * from "./notifications.controller.ts";
export * from "./notifications.module.ts";
export * from "./notifications-ops.service.ts";
export * from "./outbox-relay.ts";
export * from "./queues.ts";
export * from "./retry.ts";
