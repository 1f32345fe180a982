import "reflect-metadata";
import { Logger } from "@nestjs/common";
import { loadConfig } from "@uslimato/server-core";
import { openDatabase, startScheduler } from "@uslimato/server-data";
import { QuotaCheckService } from "@uslimato/server-licensing";
import { AutoCloseService } from "@uslimato/server-tickets";
import { createApp } from "./create-app.ts";

const logger = new Logger("tickets-api");
const config = loadConfig();
const database = await openDatabase(config);
const app = await createApp(config, database);
// Hourly checks, each run once per period across every process on the database (issue 10 moves them
// to the notification worker's BullMQ job schedulers).
const scheduler = startScheduler(
  database.dataSource,
  [
    { name: "quota-check", everyMs: 3600_000, run: () => app.get(QuotaCheckService).runQuotaCheck() },
    {
      name: "auto-close-resolved",
      everyMs: 3600_000,
      run: () => app.get(AutoCloseService).autoCloseResolved(),
    },
  ],
  (msg, err) => logger.error(`${msg}: ${String(err)}`),
);
await app.listen({ port: config.port, host: config.host });
const where = database.mode === "embedded" ? ` in ${config.dataDir}` : "";
app
  .getHttpAdapter()
  .getInstance()
  .log.info(`Uslimato on ${config.publicUrl} (database: ${database.mode}${where})`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.getHttpAdapter().getInstance().log.info(`${signal}: shutting down`);
  await scheduler.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
