import { type DynamicModule, Module } from "@nestjs/common";
import { AccessModule } from "@uslimato/server-access";
import { AssetsModule } from "@uslimato/server-assets";
import { type Config, ConfigModule } from "@uslimato/server-core";
import { type Database, DatabaseModule } from "@uslimato/server-data";
import { LicensingModule } from "@uslimato/server-licensing";
import { TenantsModule } from "@uslimato/server-tenants";
import { TicketsModule } from "@uslimato/server-tickets";

/**
 * The browser tests' application context on the test database: the product's own services set data up
 * (tenants, licenses, users, groups, tickets, assets) while the server under test runs as a separate process.
 */
@Module({})
export class ServicesModule {
  static forRoot(config: Config, database: Database): DynamicModule {
    return {
      module: ServicesModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        AccessModule,
        LicensingModule,
        TenantsModule,
        TicketsModule,
        AssetsModule,
      ],
    };
  }
}
