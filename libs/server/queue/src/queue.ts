import type { Config } from "@uslimato/server-core";
import type { Database } from "@uslimato/server-data";
import {
  createPostgresBackend,
  type IQueueBackend,
  type Job,
  type JobSchedulerTemplateOptions,
  type PostgresPoolConfig,
  type Processor,
  Queue,
  QueueEvents,
  type QueueEventsOptions,
  type QueueOptions,
  type RedisOptions,
  Worker,
  type WorkerOptions,
} from "bullmq";

/**
 * BullMQ on the product's two kinds of installation, with the same job code on both.
 *
 * Why two backends: production and containers run Redis (`REDIS_URL`), BullMQ's home. A one-machine
 * start (`npm start` with nothing configured) must work without Redis, so there BullMQ runs on its
 * PostgreSQL backend (bullmq 6.7 `createPostgresBackend`) inside the product's own database: the
 * PostgreSQL server of `DATABASE_URL`, or the embedded PGlite reached through its socket in DATA_DIR,
 * exactly as the CLI reaches a running server. Only the constructors differ (a connection, plus the
 * backend factory as their last argument), so callers build queues, workers and queue events through the
 * factories below and never look at which backend they got.
 *
 * The embedded database needs two things of its own (libs/server/data/src/embedded): `bullmq` on PGlite's
 * server-wide search_path (it ignores the per-connection one BullMQ asks for) and LISTEN/NOTIFY routed
 * to the listening client, without which a worker finds new jobs only by polling (`drainDelay`).
 */
export type QueueBackend =
  | { kind: "redis"; connection: RedisOptions }
  | { kind: "postgres"; connection: PostgresPoolConfig };

/** Queue/Worker/QueueEvents whichever backend they run on: callers only use the common API. */
// biome-ignore lint/suspicious/noExplicitAny: bullmq's own default for job data and results
export type AppQueue<D = any, R = any> = Queue<D, R, string, D, R, string, IQueueBackend, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type AppWorker<D = any, R = any> = Worker<D, R, string, IQueueBackend, any, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type AppQueueEvents<R = any> = QueueEvents<R, IQueueBackend, unknown>;

/**
 * The BullMQ backend for this configuration: Redis when `REDIS_URL` is set, otherwise PostgreSQL in the
 * product database. Pass the open `database` when there is one: in embedded mode its socket directory
 * is used (tests serve an in-memory database on a directory of their own).
 */
export function queueBackend(config: Config, database?: Database): QueueBackend {
  if (config.redisUrl) return { kind: "redis", connection: redisOptions(config.redisUrl) };
  // `migrate: true`: the first process to connect creates BullMQ's schema `bullmq` (under BullMQ's own
  // transaction-level advisory lock, which also excludes on PGlite), so a fresh data dir just works.
  if (config.databaseUrl)
    return { kind: "postgres", connection: { connectionString: config.databaseUrl, migrate: true } };
  // Embedded: the socket of the process serving DATA_DIR (the server, or this process), as the CLI
  // reaches a running server. An open Database knows its socket directory (tests use their own).
  const options = database?.dataSource.options as { host?: string } | undefined;
  return {
    kind: "postgres",
    connection: {
      host: options?.host ?? config.dataDir,
      database: "postgres",
      user: "postgres",
      migrate: true,
      // PGlite is one session: more connections would only wait for each other (and each is a socket).
      max: 4,
    },
  };
}

/** ioredis options from a `redis://[user:password@]host[:port][/db]` or `rediss://` URL. */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${u.protocol}".`);
  }
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new Error(`REDIS_URL has an invalid database number: ${u.pathname}`);
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db,
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

type Without<T> = Omit<T, "connection">;

export function createQueue<D = unknown, R = unknown>(
  name: string,
  backend: QueueBackend,
  opts: Without<QueueOptions> = {},
): AppQueue<D, R> {
  if (backend.kind === "redis") {
    return new Queue<D, R>(name, { ...opts, connection: backend.connection }) as unknown as AppQueue<D, R>;
  }
  return new Queue(
    name,
    { ...opts, connection: backend.connection },
    createPostgresBackend,
  ) as unknown as AppQueue<D, R>;
}

/**
 * A worker. On Redis its connection gets `maxRetriesPerRequest: null`: BullMQ's blocking commands must
 * wait for a reconnect rather than fail (BullMQ refuses to run a worker otherwise). Call `close()` on
 * shutdown so in-flight jobs finish or go back to the queue.
 */
export function createWorker<D = unknown, R = unknown>(
  name: string,
  processor: Processor<D, R>,
  backend: QueueBackend,
  opts: Without<WorkerOptions> = {},
): AppWorker<D, R> {
  if (backend.kind === "redis") {
    return new Worker<D, R>(name, processor, {
      ...opts,
      connection: { ...backend.connection, maxRetriesPerRequest: null },
    }) as unknown as AppWorker<D, R>;
  }
  return new Worker(
    name,
    processor,
    { ...opts, connection: backend.connection },
    createPostgresBackend,
  ) as unknown as AppWorker<D, R>;
}

export function createQueueEvents<R = unknown>(
  name: string,
  backend: QueueBackend,
  opts: Without<QueueEventsOptions> = {},
): AppQueueEvents<R> {
  if (backend.kind === "redis") {
    return new QueueEvents<R>(name, {
      ...opts,
      connection: { ...backend.connection, maxRetriesPerRequest: null },
    }) as unknown as AppQueueEvents<R>;
  }
  return new QueueEvents(
    name,
    { ...opts, connection: backend.connection },
    createPostgresBackend,
  ) as unknown as AppQueueEvents<R>;
}

/**
 * A job (or job scheduler) id from its parts. BullMQ builds its own keys with `:` (`repeat:<id>:<ms>`),
 * so a custom id containing `:` is refused by BullMQ or breaks its keys: refuse it here, at the caller.
 */
export function jobId(...parts: (string | number)[]): string {
  for (const part of parts) {
    const text = String(part);
    if (text === "" || text.includes(":"))
      throw new Error(`invalid job id part "${text}" (empty, or has ":")`);
  }
  return parts.join("-");
}

/**
 * Run `template` every `every` ms (or on a cron `pattern`), once per period across any number of workers:
 * BullMQ keeps one scheduler per id, so every process may upsert it on start without doubling it.
 */
export function upsertScheduler<D>(
  queue: AppQueue<D>,
  id: string,
  repeat: { every: number } | { pattern: string; tz?: string },
  template: { name: string; data: D; opts?: JobSchedulerTemplateOptions },
): Promise<Job<D>> {
  jobId(id);
  return queue.upsertJobScheduler(id, repeat, template);
}
