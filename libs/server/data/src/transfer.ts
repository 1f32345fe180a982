import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { DataSource, QueryRunner } from "typeorm";
import { MIGRATIONS } from "./migrations/index.ts";

/**
 * Moving a whole database: every row of every product table, e.g. from the embedded database of a
 * one-machine start to a PostgreSQL server when a customer outgrows it (`uslimato db export` on the old
 * one, `uslimato db import` on the new one). The file is gzip'd JSON lines: a header naming the schema
 * version (the applied migrations), one line per batch of rows of a table, and a trailer with the row
 * count of every table, which the import checks before it commits.
 *
 * Plain SQL on the DataSource as the database owner/superuser: this copies every tenant at once, below
 * row-level security, by design (the platform operator runs it).
 */

const FORMAT = "uslimato-export";
const BATCH = 1000;

/** Product tables: every table of the public schema but TypeORM's migration log (the target has its own). */
async function productTables(runner: QueryRunner): Promise<string[]> {
  const rows: { table_name: string }[] = await runner.query(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'migrations'
      order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface TransferSummary {
  tables: number;
  rows: number;
  counts: Record<string, number>;
}

/** Write every row of the database to `file`, read in one snapshot (repeatable read). */
export async function exportDatabase(dataSource: DataSource, file: string): Promise<TransferSummary> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(file, { mode: 0o600 }));
  const write = (line: unknown) =>
    new Promise<void>((resolve, reject) =>
      gzip.write(`${JSON.stringify(line)}\n`, (err) => (err ? reject(err) : resolve())),
    );
  const counts: Record<string, number> = {};
  try {
    await runner.query("start transaction isolation level repeatable read read only");
    const migrations: { name: string }[] = await runner.query("select name from migrations order by id");
    await write({ format: FORMAT, version: 1, migrations: migrations.map((m) => m.name) });
    for (const table of await productTables(runner)) {
      counts[table] = 0;
      // A cursor reads the table in batches without holding it all in memory (and without OFFSET scans).
      await runner.query(
        `declare export_rows no scroll cursor for select row_to_json(t)::text as row from ${quoteIdent(table)} t`,
      );
      for (;;) {
        const rows: { row: string }[] = await runner.query(`fetch ${BATCH} from export_rows`);
        if (rows.length === 0) break;
        await write({ table, rows: rows.map((r) => JSON.parse(r.row)) });
        counts[table] += rows.length;
      }
      await runner.query("close export_rows");
    }
    await runner.query("commit");
    await write({ end: true, counts });
    gzip.end();
    await written;
  } catch (err) {
    gzip.destroy();
    await runner.query("rollback").catch(() => {});
    fs.rmSync(file, { force: true });
    throw err;
  } finally {
    await runner.release();
  }
  return summary(counts);
}

/**
 * Load an export into this database, which must be new: migrated to the same version and holding no
 * tenant yet. One transaction: either every row arrives and the counts match the trailer, or nothing
 * changes. Foreign keys and triggers are not checked row by row while loading
 * (`session_replication_role = replica`, hence a superuser): the rows were consistent in the source.
 */
export async function importDatabase(dataSource: DataSource, file: string): Promise<TransferSummary> {
  if (!fs.existsSync(file)) throw new TransferError(`No such file: ${file}`);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  // readline does not pass on its input's errors (a damaged gzip would look like a short file):
  // remember the error, end the lines, and throw it where the lines are read.
  const gunzip = zlib.createGunzip();
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(gunzip),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let inputError: Error | null = null;
  gunzip.on("error", (err) => {
    inputError = err;
    lines.close();
  });
  const counts: Record<string, number> = {};
  let trailer: Record<string, number> | null = null;
  const entries = (async function* () {
    for await (const line of lines) if (line) yield JSON.parse(line);
    if (inputError) throw inputError;
  })();
  try {
    // The file first: a wrong or damaged file is refused before the target is looked at.
    const first = await entries.next();
    if (first.done) throw new TransferError("The file is empty.");
    checkHeader(first.value);
    const [{ super: isSuper }] = await runner.query(
      "select rolsuper as super from pg_roles where rolname = current_user",
    );
    if (!isSuper) {
      throw new TransferError(
        "Importing needs a superuser connection (it loads every tenant's rows at once).",
      );
    }
    await runner.query("start transaction");
    const [{ tenants }] = await runner.query("select count(*)::int as tenants from tenants");
    if (tenants > 0) {
      throw new TransferError(
        `The target database already has ${tenants} tenant(s): import only into a new database.`,
      );
    }
    const tables = await productTables(runner);
    const insertable = await insertableColumns(runner);
    await runner.query("set local session_replication_role = replica");
    // What the migrations seeded (e.g. the permission catalogue) is replaced by the source's rows.
    await runner.query(`truncate ${tables.map(quoteIdent).join(", ")}`);
    for await (const entry of entries) {
      if (entry.end) {
        trailer = entry.counts;
      } else {
        if (!tables.includes(entry.table))
          throw new TransferError(`The export has an unknown table "${entry.table}".`);
        const table = quoteIdent(entry.table);
        const columns = (insertable[entry.table] ?? []).map(quoteIdent).join(", ");
        // Identity columns (history sequence numbers) keep their values: OVERRIDING SYSTEM VALUE.
        await runner.query(
          `insert into ${table} (${columns}) overriding system value
           select ${columns} from json_populate_recordset(null::${table}, $1::json)`,
          [JSON.stringify(entry.rows)],
        );
        counts[entry.table] = (counts[entry.table] ?? 0) + entry.rows.length;
      }
    }
    if (!trailer) throw new TransferError("The export is incomplete (no end marker): export again.");
    for (const [table, expected] of Object.entries(trailer)) {
      if ((counts[table] ?? 0) !== expected) {
        throw new TransferError(
          `Table ${table}: the export holds ${expected} rows, ${counts[table] ?? 0} arrived.`,
        );
      }
    }
    await continueSequences(runner);
    await runner.query("commit");
  } catch (err) {
    await runner.query("rollback").catch(() => {});
    if (err instanceof SyntaxError || (err as { code?: string }).code === "Z_DATA_ERROR") {
      throw new TransferError(`${file} is not an Uslimato export (${(err as Error).message}).`);
    }
    throw err;
  } finally {
    lines.close();
    await runner.release();
  }
  return summary(counts);
}

/** Per table, the columns an INSERT may write (not the generated ones: PostgreSQL computes those). */
async function insertableColumns(runner: QueryRunner): Promise<Record<string, string[]>> {
  const rows: { table_name: string; column_name: string }[] = await runner.query(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    out[r.table_name] ??= [];
    out[r.table_name]?.push(r.column_name);
  }
  return out;
}

/** Identity and serial columns continue after the imported rows' highest value. */
async function continueSequences(runner: QueryRunner): Promise<void> {
  const rows: { table_name: string; column_name: string }[] = await runner.query(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name <> 'migrations'
        and (is_identity = 'YES' or column_default like 'nextval(%')`,
  );
  for (const { table_name, column_name } of rows) {
    const table = quoteIdent(table_name);
    const column = quoteIdent(column_name);
    await runner.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${column}) from ${table}), 0) + 1, false)`,
      [table, column_name],
    );
  }
}

function checkHeader(entry: { format?: string; migrations?: string[] }) {
  if (entry.format !== FORMAT) throw new TransferError("The file is not an Uslimato export.");
  const ours = MIGRATIONS.map((m) => m.name);
  const theirs = entry.migrations ?? [];
  if (theirs.join() !== ours.join()) {
    throw new TransferError(
      `The export is of schema version ${theirs.at(-1) ?? "(none)"}, this Uslimato is at ${ours.at(-1)}: export and import with the same version.`,
    );
  }
}

function summary(counts: Record<string, number>): TransferSummary {
  return {
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  };
}

/** A refusal with a message for the operator (the CLI prints it as one line). */
export class TransferError extends Error {}
