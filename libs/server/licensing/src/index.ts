export * from "./licensing.module.ts";
