import { applyDecorators } from "@nestjs/common";
import { IsString, MaxLength } from "class-validator";
import { EmailField, PasswordField, WhenSent } from "./fields.ts";

export class SignInDto {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  /** The workspace's slug, when the email belongs to several. */
  @applyDecorators(
    WhenSent(),
    IsString({ message: "must be a string" }),
    MaxLength(40, { message: "must be at most 40 characters long" }),
  )
  tenant?: string;
}
