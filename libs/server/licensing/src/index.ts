// The ITSM add-on license, its quotas and the quota check. Feature flags live in @uslimato/domain.
export * from "./licensing.module.ts";
export * from "./licensing.service.ts";
export * from "./quota-check.service.ts";
