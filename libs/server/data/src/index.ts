// The database: TypeORM DataSource (embedded PGlite or a PostgreSQL server), entities, migrations and
// THE tenant choke point (inTenant).
export * from "./database.module.ts";
export * from "./database.ts";
export * from "./embedded/embedded.ts";
export * from "./entities/index.ts";
export * from "./tenant-transaction.ts";
export * from "./transfer.ts";
