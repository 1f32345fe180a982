import { type DynamicModule, Module, type Provider } from "@nestjs/common";
import { AccessModule } from "@uslimato/server-access";
import { type Config, ConfigModule } from "@uslimato/server-core";
import { type Database, DatabaseModule } from "@uslimato/server-data";
import { LicensingModule } from "@uslimato/server-licensing";
import { TenantsModule } from "@uslimato/server-tenants";

/**
 * The operator CLI's application context: the tickets-api's feature modules the commands use, no HTTP.
 * `providers`: what one command needs besides (commands.ts), loaded for that command only.
 */
@Module({})
export class CliModule {
  static forRoot(config: Config, database: Database, providers: Provider[] = []): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        AccessModule,
        LicensingModule,
        TenantsModule,
      ],
      providers,
    };
  }
}
