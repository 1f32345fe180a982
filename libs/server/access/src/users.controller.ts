import { Body, Controller, Get, HttpCode, Param, Patch, Post } from "@nestjs/common";
import { Access, AppError, CurrentUser, type UserContext, UuidParams } from "@uslimato/server-core";
import { NewUserDto, UserPatchDto } from "./dto/users.dto.ts";
import { UsersService } from "./users.service.ts";

/** Users of the caller's tenant (users:manage). */
@Controller()
@Access({ kind: "user", permissions: ["users:manage"] })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get("api/users")
  list(@CurrentUser() user: UserContext) {
    return this.users.listUsers(user.tenantId);
  }

  @Post("api/users")
  @HttpCode(201)
  create(@CurrentUser() user: UserContext, @Body() body: NewUserDto) {
    return this.users.createUser(user.tenantId, body);
  }

  @Patch("api/users/:id")
  @HttpCode(200)
  update(@CurrentUser() user: UserContext, @Param() params: UuidParams, @Body() body: UserPatchDto) {
    if (body.name === undefined && body.active === undefined) {
      const message = "Send at least one of name, active.";
      throw new AppError("validation_failed", `The body is not valid: body: ${message}`, {
        errors: [{ field: "body", message }],
      });
    }
    return this.users.updateUser(user.tenantId, user.userId, params.id, body);
  }
}
