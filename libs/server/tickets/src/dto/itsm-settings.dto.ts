import { IsInt, IsString, MaxLength } from "class-validator";
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
}
