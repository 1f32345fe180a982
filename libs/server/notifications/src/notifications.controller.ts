import { Controller, Get, HttpCode, Param, Post } from "@nestjs/common";
import { Access, CurrentUser, type UserContext } from "@uslimato/server-core";
import { IsUUID } from "class-validator";
import { NotificationsOpsService } from "./notifications-ops.service.ts";

export class FailedJobParams {
  /** Jobs are named by their outbox row's id. */
  @IsUUID()
  jobId!: string;
}

/** Operations of the notification pipeline: queue depth, failed jobs, usage; retry a failed job. */
@Controller("api/operator/notifications")
@Access({ kind: "operator" })
export class OperatorNotificationsController {
  constructor(private readonly ops: NotificationsOpsService) {}

  @Get()
  overview() {
    return this.ops.overview();
  }

  @Post("failed/:jobId/retry")
  @HttpCode(200)
  retry(@Param() params: FailedJobParams) {
    return this.ops.retryFailed(params.jobId);
  }
}

/** Settings → ITSM: this month's mail usage against the quota (tenant admins). */
@Controller("api/settings/itsm/email-usage")
@Access({ kind: "user", itsm: true, permissions: ["settings:manage"] })
export class EmailUsageController {
  constructor(private readonly ops: NotificationsOpsService) {}

  @Get()
  usage(@CurrentUser() user: UserContext) {
    return this.ops.emailUsage(user.tenantId);
  }
}
