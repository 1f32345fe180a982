// Tenant users, groups and permissions, sign-in and sessions (the access guard's SessionResolver).
export * from "./access.module.ts";
export * from "./agent-quota.ts";
export * from "./groups.service.ts";
export * from "./passwords.ts";
export * from "./session-cookie.ts";
export * from "./session-view.ts";
export * from "./sessions.service.ts";
export * from "./sign-in.service.ts";
export * from "./sign-in-throttle.ts";
export * from "./tokens.ts";
export * from "./users.service.ts";
