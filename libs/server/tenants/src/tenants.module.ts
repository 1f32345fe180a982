import { Module } from "@nestjs/common";
import { AccessModule } from "@uslimato/server-access";
import { TenantsService } from "./tenants.service.ts";

/** Tenants (created by the operator console and the CLI). */
@Module({
  imports: [AccessModule],
  providers: [TenantsService],
  exports: [TenantsService],
})
export class TenantsModule {}
