import { applyDecorators } from "@nestjs/common";
import { Trim } from "@uslimato/server-core";
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from "class-validator";

/**
 * Field rules shared by the access DTOs (the same as the old request schemas). class-validator reports
 * constraints in the order they are registered and the pipe keeps the first that failed, so each list
 * reads from the most basic rule ("is required", "must be a string") to the finest.
 */

/** Validate only when the field is sent (a sent null is refused as "is required", as before). */
export const WhenSent = () => ValidateIf((_object, value) => value !== undefined);

/** An email address: trimmed, 3–254 characters, a valid address. */
export const EmailField = () =>
  applyDecorators(
    Trim(),
    IsDefined({ message: "is required" }),
    IsString({ message: "must be a string" }),
    MinLength(3, { message: "must be at least 3 characters long" }),
    MaxLength(254, { message: "must be at most 254 characters long" }),
    IsEmail({}, { message: "is not a valid email address" }),
  );

/** A password as typed (not trimmed): required, at most 200 characters. */
export const PasswordField = () =>
  applyDecorators(
    IsDefined({ message: "is required" }),
    IsString({ message: "must be a string" }),
    IsNotEmpty({ message: "is required" }),
    MaxLength(200, { message: "must be at most 200 characters long" }),
  );

/** A trimmed name, not blank, at most `max` characters; `optional`: may be left out. */
export const NameField = (max: number, options: { optional?: boolean } = {}) =>
  applyDecorators(
    ...(options.optional ? [WhenSent()] : []),
    Trim(),
    IsDefined({ message: "is required" }),
    IsString({ message: "must be a string" }),
    IsNotEmpty({ message: "is required" }),
    MaxLength(max, { message: `must be at most ${max} characters long` }),
  );

/** A list of permission names (checked against the catalogue by the service). */
export const PermissionListField = (options: { optional?: boolean } = {}) =>
  applyDecorators(
    ...(options.optional ? [WhenSent()] : []),
    IsDefined({ message: "is required" }),
    IsArray({ message: "must be a list" }),
    ArrayMaxSize(50, { message: "must have at most 50 items" }),
    IsString({ each: true, message: "must be a list of permission names" }),
    MaxLength(100, { each: true, message: "must hold names of at most 100 characters" }),
  );
