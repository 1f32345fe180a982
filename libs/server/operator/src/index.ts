export * from "./operator.module.ts";
export * from "./operator-console.service.ts";
export * from "./operators.service.ts";
