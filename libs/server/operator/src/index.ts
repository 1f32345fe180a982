export * from "./operator.module.ts";
