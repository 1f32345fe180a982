import type pg from "pg";
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { poolOf } from "./database.ts";

/** The role every tenant-scoped transaction runs as: no superuser, no BYPASSRLS, so RLS applies. */
export const APP_ROLE = "uslimato_app";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransactionOptions {
  /**
   * A read-only transaction has nothing to make durable: its result is returned without waiting for
   * COMMIT (the connection runs the COMMIT before anything its next user sends, and goes back to the
   * pool only after it). Writes wait, so a 201 means committed.
   */
  readOnly?: boolean;
}

/**
 * THE choke point for tenant data: a transaction on its own query runner in which row-level security
 * limits every table to `tenantId`, handing out that runner's EntityManager. Nothing reads or writes
 * tenant tables except inside it (or inside `unscoped`, whose callers are named `unsafe…`).
 *
 * An injected repository (`@InjectRepository`) would run on the pool, outside the transaction and
 * outside row-level security: the code base has none.
 */
export async function inTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  fn: (em: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (!UUID_RE.test(tenantId)) throw new Error(`inTenant: "${tenantId}" is not a tenant id`);
  // Inlining is safe: tenantId has just been checked to be a UUID and APP_ROLE is a constant.
  return run(dataSource, scopeSql(tenantId), fn, options);
}

/**
 * ONE statement in its own tenant transaction, in ONE round trip: `start transaction` with the tenant
 * scope, the statement and `commit` leave in a single write and PostgreSQL answers them in order
 * (node-postgres' pipeline mode). For the hot paths that are a single statement (ticket creation, the
 * queue page): inTenant() costs three round trips there (BEGIN + scope, the statement, COMMIT), each a
 * socket write and a wake-up on both sides, and its COMMIT leaves only after the statement's answer has
 * come back and been handled — while the statement's row locks (the ticket counter) are held. Here the
 * COMMIT is already queued on the server when the statement ends, so a hot counter row is locked only
 * for as long as PostgreSQL itself needs.
 *
 * Same guarantees as inTenant(): row-level security for `tenantId` as APP_ROLE; a statement that fails
 * leaves nothing (its transaction is aborted, and the queued COMMIT then ends it as a ROLLBACK); a write
 * resolves only once COMMIT has answered. A read resolves with the rows as soon as they arrive, the
 * connection goes back to the pool after its COMMIT (as inTenant's readOnly). Runs on the pool under
 * TypeORM (poolOf): no query runner, so no TypeORM work around COMMIT either.
 */
export async function inTenantStatement<T>(
  dataSource: DataSource,
  tenantId: string,
  sql: string,
  params: unknown[],
  options: TransactionOptions & {
    /**
     * Run it as this named prepared statement: parsed and planned once per connection instead of on
     * every call. PostgreSQL only: the embedded database is one session shared by every client.
     */
    prepareAs?: string | undefined;
  } = {},
): Promise<T[]> {
  if (!UUID_RE.test(tenantId)) throw new Error(`inTenantStatement: "${tenantId}" is not a tenant id`);
  const client = (await poolOf(dataSource).connect()) as PipelineClient;
  const begin = `start transaction${options.readOnly ? " read only" : ""}; ${scopeSql(tenantId)}`;
  const statement = { ...(options.prepareAs ? { name: options.prepareAs } : {}), text: sql, values: params };
  let queries: [Promise<pg.QueryResult>, Promise<pg.QueryResult>, Promise<pg.QueryResult>];
  // pg ≥ 8.23 writes a query without waiting for the previous one's answer while `pipeline` is on. The
  // client is idle here (just taken from the pool); the switch is put back once every answer is in. A
  // pg without it runs the three one after the other: the same transaction, in three round trips.
  const pipelined = typeof client.pipeline === "boolean";
  if (pipelined) {
    client.pipeline = true;
    const socket = client.connection?.stream;
    socket?.cork(); // the three messages in one write
    try {
      queries = [client.query(begin), client.query(statement), client.query("commit")];
    } catch (err) {
      client.pipeline = false;
      client.release(err as Error);
      throw err;
    } finally {
      socket?.uncork();
    }
  } else {
    const began = client.query(begin);
    const done = began.then(() => client.query(statement));
    queries = [
      began,
      done,
      done.then(
        () => client.query("commit"),
        () => client.query("rollback"),
      ),
    ];
  }
  const settled = Promise.allSettled(queries).then((results) => {
    if (pipelined) client.pipeline = false;
    // A failed COMMIT leaves the connection in an unknown state: the pool replaces it.
    client.release(results[2].status === "rejected" ? (results[2].reason as Error) : undefined);
    return results;
  });
  if (options.readOnly) {
    await queries[0];
    return (await queries[1]).rows as T[];
  }
  const [began, done, committed] = await settled;
  if (began.status === "rejected") throw began.reason;
  if (done.status === "rejected") throw done.reason;
  if (committed.status === "rejected") throw committed.reason;
  // Only the COMMIT of a transaction in which nothing failed answers COMMIT (else ROLLBACK).
  if (committed.value.command !== "COMMIT") {
    throw new Error(`inTenantStatement: COMMIT answered ${committed.value.command}`);
  }
  return done.value.rows as T[];
}

/** A pooled pg client as node-postgres builds it: the pipeline switch and the socket are not in its types. */
type PipelineClient = Omit<pg.PoolClient, "pipeline"> & {
  pipeline?: boolean;
  connection?: { stream?: { cork(): void; uncork(): void } };
};

/**
 * A transaction without a tenant scope, as the connection's own role (which owns the tables and so
 * is not subject to row-level security): migrations, the operator, sign-in lookups before the
 * tenant is known. Callers are named `unsafe…` or live in the operator module.
 */
export function unscoped<T>(
  dataSource: DataSource,
  fn: (em: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return run(dataSource, "", fn, options);
}

/** Narrow an already open transaction to one tenant (the operator, after creating a tenant in it). */
export async function scopeToTenant(em: EntityManager, tenantId: string): Promise<void> {
  if (!UUID_RE.test(tenantId)) throw new Error(`scopeToTenant: "${tenantId}" is not a tenant id`);
  await em.query(scopeSql(tenantId));
}

function scopeSql(tenantId: string): string {
  return `select set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true)`;
}

async function run<T>(
  dataSource: DataSource,
  scope: string,
  fn: (em: EntityManager) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  let released = false;
  try {
    await begin(runner, scope, options.readOnly === true);
    const result = await fn(runner.manager);
    const commit = runner.commitTransaction();
    if (options.readOnly) {
      released = true;
      commit.catch(() => {}).finally(() => runner.release());
    } else {
      await commit;
    }
    return result;
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => {});
    throw err;
  } finally {
    if (!released) await runner.release();
  }
}

/**
 * BEGIN and the tenant scope in one message (a parameterless query goes out as one simple-protocol
 * message): one round trip instead of two on every request. TypeORM's startTransaction() would send
 * START TRANSACTION alone, so the runner is told afterwards that its transaction is open — exactly the
 * state startTransaction() leaves (isTransactionActive, depth 1), so save() joins it, a nested
 * em.transaction() becomes a savepoint, and commit/rollbackTransaction() end it.
 */
async function begin(runner: QueryRunner, scope: string, readOnly: boolean): Promise<void> {
  await runner.connect();
  // Marked open first: if the scope fails, the caller's rollback still ends the transaction.
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  await runner.query(`start transaction${readOnly ? " read only" : ""}${scope ? `; ${scope}` : ""}`);
}
