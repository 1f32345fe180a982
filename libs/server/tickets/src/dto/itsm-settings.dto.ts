import { Trim } from "@uslimato/server-core";
import { IsEmail, IsInt, IsString, MaxLength, ValidateIf } from "class-validator";
import { IfSent } from "./ticket-fields.ts";

/** PATCH /api/settings/itsm (the service checks the prefix's form and the range of days). */
export class ItsmSettingsPatchDto {
  @IfSent()
  @MaxLength(20, { message: "must be at most 20 characters" })
  @IsString({ message: "must be text" })
  ticketPrefix?: string;

  /** Days after which a resolved ticket nobody answered is closed. */
  @IfSent()
  @IsInt({ message: "must be a whole number" })
  autoCloseDays?: number;

  /**
   * The ITSM queue address: ticket.created mails go there instead of to every agent. null (or "")
   * clears it, and every agent is mailed again.
   */
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null && value !== "")
  @Trim()
  @MaxLength(254, { message: "must be at most 254 characters" })
  @IsEmail({}, { message: "must be an email address" })
  @IsString({ message: "must be text" })
  queueEmail?: string | null;
}
