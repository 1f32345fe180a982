// The Public API: the ApiKeyAuthenticator for the access guard, Settings → API keys (also for the CLI),
// usage metering, and /public/v1.
export { DEFAULT_RATE_LIMIT, KEY_PREFIX, parseApiKey } from "./api-key-lookup.ts";
export { ApiKeysService, type ApiKeyView, type NewApiKey } from "./api-keys.service.ts";
export { PUBLIC_PREFIX } from "./openapi.ts";
export * from "./public-api.module.ts";
export { API_SCOPES, type ApiScope, isApiScope, keyPermissions, scopeNotes } from "./scopes.ts";
export { type OperatorUsageRow, type UsageRow, UsageService } from "./usage.service.ts";
