import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from "@nestjs/common";
import { Access, CurrentUser, type UserContext, UuidParams } from "@uslimato/server-core";
import { GroupPatchDto, MemberParams, NewGroupDto } from "./dto/groups.dto.ts";
import { GroupsService } from "./groups.service.ts";

/** Groups, their permissions and members, and the permission catalogue (users:manage). */
@Controller()
@Access({ kind: "user", permissions: ["users:manage"] })
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get("api/permissions")
  permissions(@CurrentUser() user: UserContext) {
    return this.groups.listPermissions(user.tenantId);
  }

  @Get("api/groups")
  list(@CurrentUser() user: UserContext) {
    return this.groups.listGroups(user.tenantId);
  }

  @Post("api/groups")
  @HttpCode(201)
  create(@CurrentUser() user: UserContext, @Body() body: NewGroupDto) {
    return this.groups.createGroup(user.tenantId, body);
  }

  @Patch("api/groups/:id")
  @HttpCode(200)
  update(@CurrentUser() user: UserContext, @Param() params: UuidParams, @Body() body: GroupPatchDto) {
    return this.groups.updateGroup(user.tenantId, params.id, body);
  }

  @Delete("api/groups/:id")
  @HttpCode(204)
  async remove(@CurrentUser() user: UserContext, @Param() params: UuidParams): Promise<void> {
    await this.groups.deleteGroup(user.tenantId, params.id);
  }

  @Put("api/groups/:id/members/:userId")
  @HttpCode(200)
  addMember(@CurrentUser() user: UserContext, @Param() params: MemberParams) {
    return this.groups.addMember(user.tenantId, params.id, params.userId);
  }

  @Delete("api/groups/:id/members/:userId")
  @HttpCode(200)
  removeMember(@CurrentUser() user: UserContext, @Param() params: MemberParams) {
    return this.groups.removeMember(user.tenantId, user.userId, params.id, params.userId);
  }
}
