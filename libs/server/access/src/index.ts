export * from "./access.module.ts";
