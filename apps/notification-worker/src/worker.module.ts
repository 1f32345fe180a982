import { type DynamicModule, Module } from "@nestjs/common";
import { AccessModule } from "@uslimato/server-access";
import { type Config, ConfigModule } from "@uslimato/server-core";
import { type Database, DatabaseModule } from "@uslimato/server-data";
import { LicensingModule } from "@uslimato/server-licensing";
import { TenantsModule } from "@uslimato/server-tenants";
import { TicketsModule } from "@uslimato/server-tickets";

/**
 * The worker's application context: the same feature modules as the api (their services run the
 * scheduled jobs: quota check, auto-close), no HTTP.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: Config, database: Database): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        AccessModule,
        LicensingModule,
        TenantsModule,
        TicketsModule,
      ],
    };
  }
}
