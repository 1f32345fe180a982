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
  // An empty variable (`DATA_DIR=`) means "not set", as it does for the shell.
  const get = (name: string) => env[name] || undefined;
  const port = Number(get("PORT") ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got "${env.PORT}".`);
  }
  const publicUrl = get("PUBLIC_URL") ?? `http://localhost:${port}`;
  const secureCookies = get("SECURE_COOKIES");
  return {
    port,
    host: get("HOST") ?? "0.0.0.0",
    dataDir: path.resolve(get("DATA_DIR") ?? "./data"),
    databaseUrl: get("DATABASE_URL"),
    redisUrl: get("REDIS_URL"),
    smtpUrl: get("SMTP_URL"),
    publicUrl,
    operatorEmail: get("OPERATOR_EMAIL"),
    operatorPassword: get("OPERATOR_PASSWORD"),
    secureCookies: secureCookies ? secureCookies === "true" : publicUrl.startsWith("https:"),
    logLevel: get("LOG_LEVEL") ?? "info",
  };
}
