// The desk portal for reporters (mounted at /desk by apps/web, with its own reduced layout).
export { DESK_ROUTES } from "./lib/desk.routes.ts";
