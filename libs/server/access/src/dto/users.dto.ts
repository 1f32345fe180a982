import { IsBoolean } from "class-validator";
import { EmailField, NameField, PasswordField, WhenSent } from "./fields.ts";

export class NewUserDto {
  @EmailField()
  email: string;

  @NameField(200)
  name: string;

  @PasswordField()
  password: string;
}

/** At least one field (checked by the controller: "Send at least one of name, active."). */
export class UserPatchDto {
  @NameField(200, { optional: true })
  name?: string;

  @WhenSent()
  @IsBoolean({ message: "must be true or false" })
  active?: boolean;
}
