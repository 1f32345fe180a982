export { SETTINGS_ROUTES } from "./lib/settings.routes.ts";
