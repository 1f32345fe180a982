export * from "./public-api.module.ts";
