import { IsUUID } from "class-validator";
import { NameField, PermissionListField } from "./fields.ts";

export class NewGroupDto {
  @NameField(100)
  name: string;

  @PermissionListField()
  permissions: string[];
}

export class GroupPatchDto {
  @NameField(100, { optional: true })
  name?: string;

  @PermissionListField({ optional: true })
  permissions?: string[];
}

/** `/api/groups/:id/members/:userId`. */
export class MemberParams {
  @IsUUID("all", { message: "is not a valid id" })
  id: string;

  @IsUUID("all", { message: "is not a valid id" })
  userId: string;
}
