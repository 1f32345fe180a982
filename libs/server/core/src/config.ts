import path from "node:path";

/** Every setting the server, worker and CLI read, with its default. The README lists the same. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded database under dataDir is used. */
  databaseUrl: string | undefined;
  /**
   * Named prepared statements on a PostgreSQL server (hot paths plan once per connection). Off behind a
   * transaction-mode pooler that does not track them (pgbouncer before 1.21, or without
   * max_prepared_statements): there the next transaction may land on a server connection that never saw
   * the statement. `DATABASE_PREPARED_STATEMENTS=false`.
   */
  preparedStatements: boolean;
  /**
   * Whether a starting server or worker applies pending migrations (`DATABASE_MIGRATE=auto`, the default:
   * one command starts the product) or only checks that none is pending (`off`: containers, where the
   * one-shot `uslimato migrate` applies them before api and worker containers start).
   */
  migrateOnStart: boolean;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  /**
   * The From of every mail (`MAIL_FROM`, `Service desk <itsm@example.com>` or a bare address): an address
   * of a domain whose SPF/DKIM the SMTP relay signs for. Unset: no-reply at the host of PUBLIC_URL.
   */
  mailFrom: string | undefined;
  publicUrl: string;
  operatorEmail: string | undefined;
  operatorPassword: string | undefined;
  /** Set when the server sits behind TLS; session cookies are then marked Secure. */
  secureCookies: boolean;
  logLevel: string;
  /** Ticket-event jobs one notification-worker process runs at once (WORKER_CONCURRENCY, default 8). */
  workerConcurrency: number;
  /** The notification-worker's health/readiness probe port (WORKER_HEALTH_PORT); none when unset. */
  workerHealthPort: number | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATA_DIR=`) means "not set", as it does for the shell.
  const get = (name: string) => env[name] || undefined;
  const port = Number(get("PORT") ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got "${env.PORT}".`);
  }
  const publicUrl = get("PUBLIC_URL") ?? `http://localhost:${port}`;
  const secureCookies = get("SECURE_COOKIES");
  const workerConcurrency = Number(get("WORKER_CONCURRENCY") ?? 8);
  if (!Number.isInteger(workerConcurrency) || workerConcurrency < 1 || workerConcurrency > 1000) {
    throw new Error(
      `WORKER_CONCURRENCY must be a whole number from 1 to 1000, got "${env.WORKER_CONCURRENCY}".`,
    );
  }
  const healthPort = get("WORKER_HEALTH_PORT");
  const workerHealthPort = healthPort === undefined ? undefined : Number(healthPort);
  if (
    workerHealthPort !== undefined &&
    (!Number.isInteger(workerHealthPort) || workerHealthPort < 0 || workerHealthPort > 65535)
  ) {
    throw new Error(`WORKER_HEALTH_PORT must be a port number (0-65535), got "${healthPort}".`);
  }
  const migrateMode = get("DATABASE_MIGRATE") ?? "auto";
  if (migrateMode !== "auto" && migrateMode !== "off") {
    throw new Error(`DATABASE_MIGRATE must be "auto" or "off", got "${migrateMode}".`);
  }
  const prepared = get("DATABASE_PREPARED_STATEMENTS") ?? "true";
  if (prepared !== "true" && prepared !== "false") {
    throw new Error(`DATABASE_PREPARED_STATEMENTS must be "true" or "false", got "${prepared}".`);
  }
  return {
    port,
    host: get("HOST") ?? "0.0.0.0",
    dataDir: path.resolve(get("DATA_DIR") ?? "./data"),
    databaseUrl: get("DATABASE_URL"),
    preparedStatements: prepared === "true",
    migrateOnStart: migrateMode === "auto",
    redisUrl: get("REDIS_URL"),
    smtpUrl: get("SMTP_URL"),
    mailFrom: get("MAIL_FROM"),
    publicUrl,
    operatorEmail: get("OPERATOR_EMAIL"),
    operatorPassword: get("OPERATOR_PASSWORD"),
    secureCookies: secureCookies ? secureCookies === "true" : publicUrl.startsWith("https:"),
    logLevel: get("LOG_LEVEL") ?? "info",
    workerConcurrency,
    workerHealthPort,
  };
}
