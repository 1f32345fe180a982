import { applyDecorators } from "@nestjs/common";
import { ApiProperty } from "@nestjs/swagger";
import { ToInt, Trim } from "@uslimato/server-core";
import { Transform } from "class-transformer";
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from "class-validator";

/**
 * One decorator per kind of field, each applying BOTH the class-validator checks that validate the
 * request and the @ApiProperty that documents it (limits, format, nullability), so the OpenAPI
 * document is generated from the very rules that run. Messages are those of the zod schemas the old
 * server validated with (the web app and integrators read them), without the field name.
 */

/** `required`; `optional`: may be absent, never null; `nullable`: may be absent or null. */
export type Presence = "required" | "optional" | "nullable";

/** Documentation of a field in the OpenAPI document. */
export interface FieldDoc {
  description?: string;
  example?: unknown;
}

// The patterns zod checked with (zod's own uuid, email and ISO date/time patterns).
export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const DATE =
  "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))";
const ISO_DATE_OR_DATE_TIME = new RegExp(
  `^${DATE}(?:T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d))?$`,
);

/** zod's name for what was sent, as in "expected string, received number". */
export function received(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}

const expected = (type: string) => (args: ValidationArguments) =>
  `Invalid input: expected ${type}, received ${received(args.value)}`;

function presence(kind: Presence, requiredMessage: string): PropertyDecorator {
  if (kind === "required") return IsDefined({ message: requiredMessage });
  if (kind === "optional") return ValidateIf((_object, value) => value !== undefined);
  return IsOptional();
}

/** The @ApiProperty part every field shares. */
function documented(kind: Presence, schema: Record<string, unknown>, doc: FieldDoc): PropertyDecorator {
  return ApiProperty({ ...schema, required: kind === "required", nullable: kind === "nullable", ...doc });
}

/**
 * A string. `text`: a ticket text field ("is required" / "must be text"); `nonEmpty`: at least one
 * character (after trimming, with `trim`).
 */
export function Text(
  options: {
    presence: Presence;
    max: number;
    maxMessage?: string;
    trim?: boolean;
    nonEmpty?: boolean;
    text?: boolean;
  } & FieldDoc,
): PropertyDecorator {
  const { presence: kind, max, maxMessage, trim, nonEmpty, text, ...doc } = options;
  return applyDecorators(
    ...(trim ? [Trim()] : []),
    presence(kind, text ? "is required" : "Invalid input: expected string, received undefined"),
    IsString({ message: text ? "must be text" : expected("string") }),
    ...(nonEmpty ? [MinLength(1, { message: "is required" })] : []),
    MaxLength(max, { message: maxMessage ?? `Too big: expected string to have <=${max} characters` }),
    documented(kind, { type: "string", ...(nonEmpty ? { minLength: 1 } : {}), maxLength: max }, doc),
  );
}

/** An email address (trimmed). */
export function Email(kind: Presence, doc: FieldDoc = {}): PropertyDecorator {
  return applyDecorators(
    Trim(),
    presence(kind, "Invalid input: expected string, received undefined"),
    IsString({ message: expected("string") }),
    MinLength(3, { message: "Too small: expected string to have >=3 characters" }),
    MaxLength(254, { message: "Too big: expected string to have <=254 characters" }),
    Matches(EMAIL_PATTERN, { message: "is not a valid email address" }),
    documented(kind, { type: "string", format: "email", minLength: 3, maxLength: 254 }, doc),
  );
}

/** A UUID (an id of something else). */
export function Uuid(kind: Presence, doc: FieldDoc = {}): PropertyDecorator {
  return applyDecorators(
    presence(kind, "Invalid input: expected string, received undefined"),
    IsString({ message: expected("string") }),
    Matches(UUID_PATTERN, { message: "Invalid UUID" }),
    documented(kind, { type: "string", format: "uuid" }, doc),
  );
}

/** One of a fixed list of strings. */
export function OneOf(values: readonly string[], kind: Presence, doc: FieldDoc = {}): PropertyDecorator {
  const message = `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join("|")}`;
  return applyDecorators(
    presence(kind, message),
    IsIn([...values], { message }),
    documented(kind, { type: "string", enum: [...values] }, doc),
  );
}

/** A date ("2099-01-01") or a date and time with its offset ("2099-01-01T12:00:00+02:00"). */
export function DateOrDateTime(kind: Presence, doc: FieldDoc = {}): PropertyDecorator {
  return applyDecorators(
    presence(kind, "Invalid input"),
    Matches(ISO_DATE_OR_DATE_TIME, { message: "Invalid input" }),
    documented(kind, { type: "string", anyOf: [{ format: "date-time" }, { format: "date" }] }, doc),
  );
}

/** A whole number in a query string ("25"), `min`–`max`, `fallback` when absent (the property's initial value). */
export function IntRange(min: number, max: number, fallback: number, doc: FieldDoc = {}): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (typeof value !== "number" || Number.isNaN(value)) {
      // A number that is not whole ("1.5") reads as zod put it; anything else is not a number at all.
      return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))
        ? "Invalid input: expected int, received number"
        : "Invalid input: expected number, received NaN";
    }
    if (value < min) return `Too small: expected number to be >=${min}`;
    if (value > max) return `Too big: expected number to be <=${max}`;
    return null;
  };
  return applyDecorators(
    ToInt(),
    ValidateBy({
      name: "intRange",
      validator: {
        validate: (value) => problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? "",
      },
    }),
    ApiProperty({ type: "integer", minimum: min, maximum: max, default: fallback, required: false, ...doc }),
  );
}

/** Sent as something else than one string: kept aside so that the check can say what it was. */
class NotAList {
  constructor(readonly sent: unknown) {}
}

/** `?status=open,in_progress` (at most `max` characters): a list of some of `values`. Optional. */
export function CommaSeparated(
  values: readonly string[],
  max: number,
  doc: FieldDoc = {},
): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (value instanceof NotAList) {
      return typeof value.sent === "string"
        ? `Too big: expected string to have <=${max} characters`
        : `Invalid input: expected string, received ${received(value.sent)}`;
    }
    const unknown = (value as string[]).find((v) => !values.includes(v));
    if (unknown === undefined) return null;
    return `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join("|")}`;
  };
  return applyDecorators(
    Transform(({ value }) =>
      value === undefined
        ? undefined
        : typeof value === "string" && value.length <= max
          ? value.split(",").filter(Boolean)
          : new NotAList(value),
    ),
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name: "commaSeparated",
      validator: {
        validate: (value) => problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? "",
      },
    }),
    ApiProperty({ type: "string", maxLength: max, required: false, ...doc }),
  );
}
