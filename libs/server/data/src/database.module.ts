import { type DynamicModule, Global, Inject, Module } from "@nestjs/common";
import { DataSource } from "typeorm";
import type { Database } from "./database.ts";

const DATABASE = Symbol("uslimato:database");

/** Inject the opened database (mode, close): `constructor(@InjectDatabase() database: Database)`. */
export const InjectDatabase = () => Inject(DATABASE);

/**
 * The database opened once per process (openDatabase), for every module: its DataSource (services run
 * their work through inTenant(dataSource, …)) and the Database handle.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useValue: database },
        { provide: DataSource, useValue: database.dataSource },
      ],
      exports: [DATABASE, DataSource],
    };
  }
}
