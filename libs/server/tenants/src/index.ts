export * from "./tenants.module.ts";
