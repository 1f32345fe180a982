export * from "./tickets.module.ts";
