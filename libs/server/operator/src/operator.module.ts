import { Module } from "@nestjs/common";
import { AccessModule } from "@uslimato/server-access";
import { OperatorSessionResolver } from "@uslimato/server-core";
import { LicensingModule } from "@uslimato/server-licensing";
import { TenantsModule } from "@uslimato/server-tenants";
import { OperatorConsoleController } from "./operator-console.controller.ts";
import { OperatorConsoleService } from "./operator-console.service.ts";
import { OperatorSessionController } from "./operator-session.controller.ts";
import { OperatorsService } from "./operators.service.ts";

/**
 * Operators and the operator console (/api/operator/*, except the API usage routes of the Public API
 * module). Provides the access guard's OperatorSessionResolver; creates the first operator at start.
 */
@Module({
  imports: [AccessModule, LicensingModule, TenantsModule],
  controllers: [OperatorSessionController, OperatorConsoleController],
  providers: [
    OperatorsService,
    OperatorConsoleService,
    { provide: OperatorSessionResolver, useExisting: OperatorsService },
  ],
  exports: [OperatorsService, OperatorSessionResolver],
})
export class OperatorModule {}
