import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { runQuotaCheck } from "./modules/licensing/quota-check.ts";
import { ensureOperator } from "./modules/operator/operators.ts";
import { autoCloseResolved } from "./modules/tickets/auto-close.ts";
import { startScheduler } from "./scheduler.ts";

const config = loadConfig();
const database = await openDatabase(config);
await ensureOperator(database.db, config.operatorEmail, config.operatorPassword);
const app = await buildApp({ config, database });
const scheduler = startScheduler(
  database.db,
  [
    { name: "quota-check", everyMs: 3600_000, run: () => runQuotaCheck(database.db) },
    { name: "auto-close-resolved", everyMs: 3600_000, run: () => autoCloseResolved(database.db) },
  ],
  (msg, err) => app.log.error({ err }, msg),
);

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Uslimato on ${config.publicUrl} (database: ${database.mode}${database.mode === "embedded" ? ` in ${config.dataDir}` : ""})`,
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: shutting down`);
  await scheduler.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
