import { applyDecorators } from "@nestjs/common";
import { STATUSES } from "@uslimato/domain";
import { Trim } from "@uslimato/server-core";
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from "class-validator";

/**
 * The ticket fields' rules, shared by the web API's DTOs (/api/tickets, /api/desk) and the Public API's
 * (/public/v1/tickets): same limits and messages everywhere. The first constraint that fails is the one
 * reported, so each field lists its type check first.
 */

export const TICKET_TYPES = ["incident", "service_request"] as const;
export const PRIORITIES = ["low", "medium", "high", "critical"] as const;
export const VISIBILITIES = ["external", "internal"] as const;
export { STATUSES };

interface FieldOptions {
  /** May be left out (it may not be null: that is refused by the type check). */
  optional?: boolean;
}

/** Validate the field only when it was sent; null is validated (and refused by the type check). */
export const IfSent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A required field must be sent: left out it reads "is required"; sent as null it is refused by the
 * type check ("must be text"), as the old schemas said.
 */
export const Required = () =>
  ValidateBy({
    name: "isRequired",
    validator: { validate: (value: unknown) => value !== undefined, defaultMessage: () => "is required" },
  });

const presence = (options: FieldOptions) => (options.optional ? IfSent() : Required());

const text = () => IsString({ message: "must be text" });

/** Trimmed, 1–200 characters. */
export const TitleField = (options: FieldOptions = {}) =>
  applyDecorators(
    presence(options),
    Trim(),
    text(),
    MinLength(1, { message: "is required" }),
    MaxLength(200, { message: "must be at most 200 characters" }),
  );

/** Up to 20,000 characters, as typed; `nonEmpty` (the desk portal) refuses an empty one. */
export const DescriptionField = (options: FieldOptions & { nonEmpty?: boolean } = {}) =>
  applyDecorators(
    presence(options),
    text(),
    ...(options.nonEmpty ? [MinLength(1, { message: "is required" })] : []),
    MaxLength(20_000, { message: "must be at most 20,000 characters" }),
  );

/** A comment's text: trimmed, 1–20,000 characters. */
export const CommentBodyField = (options: FieldOptions = {}) =>
  applyDecorators(
    presence(options),
    Trim(),
    text(),
    MinLength(1, { message: "is required" }),
    MaxLength(20_000, { message: "must be at most 20,000 characters" }),
  );

/** One of `values`. */
export const OneOfField = (values: readonly string[], options: FieldOptions = {}) =>
  applyDecorators(presence(options), IsIn(values, { message: `must be one of: ${values.join(", ")}` }));

/** A user/asset/… id; `nullable`: null is accepted (and means "none"). */
export const IdField = (options: FieldOptions & { nullable?: boolean } = {}) =>
  applyDecorators(
    options.nullable ? IsOptional() : presence(options),
    IsUUID("all", { message: "is not a valid id" }),
  );

/** Plain text of at most `max` characters. */
export const TextField = (max: number, options: FieldOptions = {}) =>
  applyDecorators(
    presence(options),
    text(),
    MaxLength(max, { message: `must be at most ${max.toLocaleString("en-US")} characters` }),
  );

/** A comma list (after CommaList()) whose text as sent was at most `max` characters. */
export const ListMaxLength = (max: number) =>
  ValidateBy({
    name: "listMaxLength",
    validator: {
      validate: (value: unknown) => !Array.isArray(value) || value.join(",").length <= max,
      defaultMessage: () => `must be at most ${max} characters`,
    },
  });
