import { type DynamicModule, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from "@nestjs/core";
import { AccessModule } from "@uslimato/server-access";
import { AssetsModule } from "@uslimato/server-assets";
import {
  AccessGuard,
  type Config,
  ConfigModule,
  ProblemFilter,
  RequestValidationPipe,
} from "@uslimato/server-core";
import { type Database, DatabaseModule } from "@uslimato/server-data";
import { EmailsModule } from "@uslimato/server-emails";
import { LicensingModule } from "@uslimato/server-licensing";
import { NotificationsModule } from "@uslimato/server-notifications";
import { OperatorModule } from "@uslimato/server-operator";
import { PublicApiModule } from "@uslimato/server-public-api";
import { TenantsModule } from "@uslimato/server-tenants";
import { TicketsModule } from "@uslimato/server-tickets";
import { HealthController } from "./health.controller.ts";
import { WebAppController } from "./web-app.controller.ts";

/**
 * The tickets-api: the feature modules, and the three things every request passes through — the access
 * guard (deny unless the route declares who may call it), the validation pipe (DTOs) and the
 * problem+json filter.
 */
@Module({})
export class AppModule {
  static forRoot(config: Config, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        DiscoveryModule,
        AccessModule,
        LicensingModule,
        TenantsModule,
        OperatorModule,
        TicketsModule,
        NotificationsModule,
        AssetsModule,
        PublicApiModule,
        EmailsModule,
      ],
      // The web app's catch-all comes last; Fastify prefers every exact route over it anyway.
      controllers: [HealthController, WebAppController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
