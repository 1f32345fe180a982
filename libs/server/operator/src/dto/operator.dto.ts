import { Trim } from "@uslimato/server-core";
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from "class-validator";

/**
 * The operator routes' bodies, with the old zod schemas' limits and messages.
 */

const REQUIRED = { message: "is required" };
const TEXT = { message: "must be a string" };

export class OperatorSignInDto {
  @Trim()
  @IsDefined(REQUIRED)
  @IsString(TEXT)
  @MinLength(3, { message: "must be at least 3 characters long" })
  @MaxLength(254, { message: "must be at most 254 characters long" })
  @IsEmail({}, { message: "is not a valid email address" })
  email: string;

  @IsDefined(REQUIRED)
  @IsString(TEXT)
  @IsNotEmpty(REQUIRED)
  @MaxLength(200, { message: "must be at most 200 characters long" })
  password: string;
}

export class NewTenantDto {
  /** Checked in full (letters, digits, dashes) by the tenants service. */
  @IsDefined(REQUIRED)
  @IsString(TEXT)
  @MaxLength(40, { message: "must be at most 40 characters long" })
  slug: string;

  @Trim()
  @IsDefined(REQUIRED)
  @IsString(TEXT)
  @IsNotEmpty(REQUIRED)
  @MaxLength(200, { message: "must be at most 200 characters long" })
  name: string;

  @Trim()
  @IsDefined(REQUIRED)
  @IsString(TEXT)
  @MinLength(3, { message: "must be at least 3 characters long" })
  @MaxLength(254, { message: "must be at most 254 characters long" })
  @IsEmail({}, { message: "is not a valid email address" })
  adminEmail: string;

  @IsOptional()
  @Trim()
  @IsString(TEXT)
  @IsNotEmpty(REQUIRED)
  @MaxLength(200, { message: "must be at most 200 characters long" })
  adminName?: string;

  /** Its strength is checked by the tenants service. */
  @IsDefined(REQUIRED)
  @IsString(TEXT)
  @IsNotEmpty(REQUIRED)
  @MaxLength(200, { message: "must be at most 200 characters long" })
  adminPassword: string;
}

export class TenantSlugParams {
  @IsString(TEXT)
  @MaxLength(40, { message: "must be at most 40 characters long" })
  slug: string;
}

const QUOTA = "must be a whole number between 0 and 10,000,000";

export class LicenseChangeDto {
  /** false deactivates the license and keeps its settings. */
  @IsDefined(REQUIRED)
  @IsBoolean({ message: "must be true or false" })
  active: boolean;

  /**
   * Feature flag names; absent keeps the license's flags (every flag for a new license). Each item is
   * checked by the console service, which names it ("flags.1").
   */
  @IsOptional()
  @IsArray({ message: "must be a list of feature flag names" })
  flags?: unknown[];

  @IsOptional()
  @IsInt({ message: QUOTA })
  @Min(0, { message: QUOTA })
  @Max(10_000_000, { message: QUOTA })
  maxAgents?: number;

  @IsOptional()
  @IsInt({ message: QUOTA })
  @Min(0, { message: QUOTA })
  @Max(10_000_000, { message: QUOTA })
  maxEmailsMonth?: number;

  /** Public API requests per minute per key. */
  @IsOptional()
  @IsInt({ message: "must be a whole number between 1 and 1,000,000" })
  @Min(1, { message: "must be a whole number between 1 and 1,000,000" })
  @Max(1_000_000, { message: "must be a whole number between 1 and 1,000,000" })
  apiRateLimit?: number;
}
