import { Transform } from "class-transformer";
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from "class-validator";

/**
 * Small pieces shared by the DTOs of every module. Messages are written without the field's name: the
 * validation pipe reports `{ field, message }` and a detail "field: message".
 */

/** Trim a string value before it is validated (non-strings are left for the type check to refuse). */
export const Trim = () => Transform(({ value }) => (typeof value === "string" ? value.trim() : value));

/** `?a=x,y` → ["x", "y"]: a comma-separated query parameter as a list (empty items dropped). */
export const CommaList = () =>
  Transform(({ value }) => (typeof value === "string" ? value.split(",").filter(Boolean) : value));

/** A query parameter that is a whole number ("25" → 25; anything else stays as sent, to be refused). */
export const ToInt = () =>
  Transform(({ value }) => (typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value));

/** `{ id }` path parameters that must be a UUID. */
export class UuidParams {
  @IsUUID("all", { message: "is not a valid id" })
  id: string;
}

/**
 * Property decorators as one, listed as they would be stacked on the property: applied bottom-up, as
 * TypeScript applies a stack, so the checks (and which message a field reports first) stay the same.
 */
function allOf(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const d of [...decorators].reverse()) d(target, key);
  };
}

/** A list's optional page size: a whole number 1–100 from the query string (the service's default when absent). */
export function PageLimitField(): PropertyDecorator {
  return allOf(
    IsOptional(),
    ToInt(),
    Max(100, { message: "must be at most 100" }),
    Min(1, { message: "must be at least 1" }),
    IsInt({ message: "must be a whole number" }),
  );
}

/** A list's optional cursor (the previous page's next_cursor), at most `maxLength` characters. */
export function CursorField(maxLength = 200): PropertyDecorator {
  return allOf(
    IsOptional(),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
    IsString({ message: "must be text" }),
  );
}
