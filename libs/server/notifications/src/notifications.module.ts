import { Module } from "@nestjs/common";
import { EmailUsageController, OperatorNotificationsController } from "./notifications.controller.ts";
import { NotificationsOpsService } from "./notifications-ops.service.ts";

/** The api's side of notifications: usage for tenant admins, operations for operators. */
@Module({
  controllers: [OperatorNotificationsController, EmailUsageController],
  providers: [NotificationsOpsService],
  exports: [NotificationsOpsService],
})
export class NotificationsModule {}
