import type { DataSource, EntityManager, QueryRunner } from "typeorm";

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
