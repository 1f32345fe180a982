import { applyDecorators } from "@nestjs/common";
import { ApiProperty } from "@nestjs/swagger";
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsString } from "class-validator";
import { API_SCOPES } from "../scopes.ts";
import { DateOrDateTime, IntRange, received, Text, Uuid } from "./fields.ts";

/** 1 to 3 scope names (applied in this order, so the first failing check names the problem). */
const ScopeList = () =>
  applyDecorators(
    IsDefined({ message: "Invalid input: expected array, received undefined" }),
    IsArray({ message: (args) => `Invalid input: expected array, received ${received(args.value)}` }),
    ArrayMinSize(1, { message: "pick at least one scope" }),
    ArrayMaxSize(API_SCOPES.length, {
      message: `Too big: expected array to have <=${API_SCOPES.length} items`,
    }),
    IsString({ each: true, message: `each must be one of ${API_SCOPES.join(", ")}` }),
    ApiProperty({ type: "string", isArray: true, enum: [...API_SCOPES] }),
  );

/** Settings → API keys: a new key. Unknown scopes are refused by the service, naming `scopes.<i>`. */
export class NewApiKeyBody {
  @Text({ presence: "required", max: 100, trim: true, nonEmpty: true })
  name: string;

  @ScopeList()
  scopes: string[];

  /** The user the key acts as; default: the admin creating it. */
  @Uuid("optional")
  owner_id?: string;

  @DateOrDateTime("optional")
  expires_at?: string;
}

/** `?days=` of the usage reports: the last 1–366 days, default 30. */
export class UsageDaysQuery {
  @IntRange(1, 366, 30)
  days: number = 30;
}
