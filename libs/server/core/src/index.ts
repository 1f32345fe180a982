// What every server module shares: configuration, the error model, the caller model and the one access
// guard, the validation pipe and the problem+json filter.
export * from "./access.guard.ts";
export * from "./access.ts";
export * from "./callers.ts";
export * from "./config.module.ts";
export * from "./config.ts";
export * from "./dto.ts";
export * from "./errors.ts";
export * from "./problem.filter.ts";
export * from "./validation.ts";
