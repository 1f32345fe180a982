import type { QueryRunner } from "typeorm";

/**
 * Databases created before the move to TypeORM recorded their migrations in `schema_migrations` (one
 * row per SQL file). Such a database already has that file's schema: its TypeORM migration records
 * itself as done without running again, so existing data directories and servers carry over as they are.
 */
export async function appliedBeforeTypeorm(queryRunner: QueryRunner, file: string): Promise<boolean> {
  const [table] = await queryRunner.query(
    `select to_regclass('public.schema_migrations') is not null as present`,
  );
  if (!table?.present) return false;
  const rows = await queryRunner.query("select 1 from schema_migrations where name = $1", [file]);
  return rows.length > 0;
}
