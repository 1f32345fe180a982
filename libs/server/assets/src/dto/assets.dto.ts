import { applyDecorators } from "@nestjs/common";
import { CursorField, PageLimitField, Trim } from "@uslimato/server-core";
import { ASSET_STATUSES, type AssetStatus } from "@uslimato/server-data";
import { IdField, OneOfField, Required, TextField } from "@uslimato/server-tickets";
import {
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from "class-validator";

export { ASSET_STATUSES };

/** Trimmed text of 1–max characters (required unless `optional`: then it may be left out, not emptied). */
const NonEmpty = (max: number, optional = false) =>
  applyDecorators(
    optional ? ValidateIf((_o: object, v: unknown) => v !== undefined) : Required(),
    Trim(),
    IsString({ message: "must be text" }),
    MinLength(1, { message: "is required" }),
    MaxLength(max, { message: `must be at most ${max.toLocaleString("en-US")} characters` }),
  );

/** Trimmed text of at most `max` characters, may be empty. */
const Optional = (max: number) => applyDecorators(Trim(), TextField(max, { optional: true }));

/** The printed label: letters, digits and - _ . / # (what asset tag printers and scanners handle). */
const Tag = (optional = false) =>
  applyDecorators(
    NonEmpty(60, optional),
    Matches(/^[\p{L}\p{N}][\p{L}\p{N}\-_./# ]*$/u, {
      message: "must start with a letter or digit and hold only letters, digits, spaces and - _ . / #",
    }),
  );

/** POST /api/assets */
export class CreateAssetDto {
  @NonEmpty(200)
  name: string;

  @Tag()
  asset_tag: string;

  @NonEmpty(100)
  category: string;

  @Optional(200)
  location?: string;

  @OneOfField(ASSET_STATUSES, { optional: true })
  status?: AssetStatus;

  /** A user of the tenant, or null. */
  @IdField({ nullable: true })
  assignee_id?: string | null;

  @Optional(5000)
  notes?: string;
}

/** PATCH /api/assets/:id: any of the fields. Location and person change by recording a movement too. */
export class UpdateAssetDto {
  @NonEmpty(200, true)
  name?: string;

  @Tag(true)
  asset_tag?: string;

  @NonEmpty(100, true)
  category?: string;

  @Optional(200)
  location?: string;

  @OneOfField(ASSET_STATUSES, { optional: true })
  status?: AssetStatus;

  @IdField({ nullable: true })
  assignee_id?: string | null;

  @Optional(5000)
  notes?: string;
}

/** GET /api/assets: search, filters, keyset page. */
export class AssetListQueryDto {
  /** Words of the name or tag (prefixes), or an exact tag. */
  @IsOptional()
  @MaxLength(200, { message: "must be at most 200 characters" })
  @IsString({ message: "must be text" })
  q?: string;

  @IsOptional()
  @MaxLength(100, { message: "must be at most 100 characters" })
  @IsString({ message: "must be text" })
  category?: string;

  @IsOptional()
  @MaxLength(200, { message: "must be at most 200 characters" })
  @IsString({ message: "must be text" })
  location?: string;

  @OneOfField(ASSET_STATUSES, { optional: true })
  status?: AssetStatus;

  @IdField({ optional: true })
  assignee_id?: string;

  /** Page size, 1–100 (25 when absent). */
  @PageLimitField()
  limit?: number;

  @CursorField(400)
  cursor?: string;
}

/** POST /api/assets/:id/movements: where the asset goes and/or to whom. */
export class RecordMovementDto {
  /** The new location; left out: it stays where it is. */
  @Optional(200)
  to_location?: string;

  /** The person who gets it (a user of the tenant); null: nobody; left out: unchanged. */
  @IdField({ nullable: true })
  to_person_id?: string | null;

  /** When it moved (ISO 8601); default: now. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: "must be a date and time (ISO 8601)" })
  moved_at?: string;

  @Optional(2000)
  note?: string;
}

/** `:id` of a ticket route: its id or its number ("TKT-000042"). */
export class TicketRefParams {
  @Length(1, 60, { message: "must be 1 to 60 characters" })
  @IsString({ message: "must be text" })
  id: string;
}

/** PUT /api/tickets/:id/movement: one movement of the ticket's asset, or null to unlink. */
export class LinkMovementDto {
  @ValidateIf((_o: object, v: unknown) => v !== null)
  @Required()
  @IsUUID("all", { message: "is not a valid id" })
  movement_id: string | null;
}
