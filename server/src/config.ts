import path from "node:path";

/** Every setting the server, worker and CLI read, with its default. The README lists the same. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded database under dataDir is used. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  publicUrl: string;
  operatorEmail: string | undefined;
  operatorPassword: string | undefined;
  /** Set when the server sits behind TLS; session cookies are then marked Secure. */
  secureCookies: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl,
    operatorEmail: env.OPERATOR_EMAIL || undefined,
    operatorPassword: env.OPERATOR_PASSWORD || undefined,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : publicUrl.startsWith("https:"),
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
