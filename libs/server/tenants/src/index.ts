// Tenants: creation (with Administrators and the first user) and the operator's lookup by slug.
export * from "./tenants.module.ts";
export * from "./tenants.service.ts";
