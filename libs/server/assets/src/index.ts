// Assets: the Nest module (/api/assets, a ticket's movement link), its service (also for the Public API
// and the CLI), and the pure rules.
export * from "./asset-rules.ts";
export * from "./assets.module.ts";
export * from "./assets.service.ts";
export * from "./dto/assets.dto.ts";
export * from "./ticket-links.service.ts";
