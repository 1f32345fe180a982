// The rules every side shares (tickets-api, notification-worker, web): pure TypeScript, no I/O.
export * from "./lib/api-scopes.ts";
export * from "./lib/asset-status.ts";
export * from "./lib/features.ts";
export * from "./lib/permissions.ts";
export * from "./lib/ticket-events.ts";
export * from "./lib/ticket-number.ts";
export * from "./lib/ticket-status.ts";
