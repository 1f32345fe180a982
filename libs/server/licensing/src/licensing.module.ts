import { Module } from "@nestjs/common";
import { AccessModule } from "@uslimato/server-access";
import { LicensingService } from "./licensing.service.ts";
import { QuotaCheckService } from "./quota-check.service.ts";

/** The ITSM add-on license and its quotas (the operator sets them; the hourly check watches them). */
@Module({
  imports: [AccessModule],
  providers: [LicensingService, QuotaCheckService],
  exports: [LicensingService, QuotaCheckService],
})
export class LicensingModule {}
