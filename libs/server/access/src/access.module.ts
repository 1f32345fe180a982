import { Module } from "@nestjs/common";
import { SessionResolver } from "@uslimato/server-core";
import { AuthController } from "./auth.controller.ts";
import { GroupsController } from "./groups.controller.ts";
import { GroupsService } from "./groups.service.ts";
import { SessionsService } from "./sessions.service.ts";
import { SignInService } from "./sign-in.service.ts";
import { SignInThrottle } from "./sign-in-throttle.ts";
import { UsersController } from "./users.controller.ts";
import { UsersService } from "./users.service.ts";

/**
 * Tenant users, groups and permissions (RBAC), sign-in and sessions. Provides the access guard's
 * SessionResolver; exports the services tenants, licensing, the operator and the CLI build on.
 */
@Module({
  controllers: [AuthController, UsersController, GroupsController],
  providers: [
    SessionsService,
    SignInThrottle,
    SignInService,
    UsersService,
    GroupsService,
    { provide: SessionResolver, useExisting: SessionsService },
  ],
  exports: [SessionsService, SessionResolver, SignInThrottle, UsersService, GroupsService],
})
export class AccessModule {}
