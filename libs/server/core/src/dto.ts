import { Transform } from "class-transformer";
import { IsUUID } from "class-validator";

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
