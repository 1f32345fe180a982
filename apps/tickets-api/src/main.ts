import "reflect-metadata";
import { loadConfig } from "@uslimato/server-core";
import { openDatabase } from "@uslimato/server-data";
import { createApp } from "./create-app.ts";

const config = loadConfig();
const database = await openDatabase(config);
const app = await createApp(config, database);
// The hourly jobs (quota check, auto-close) run in the notification worker as BullMQ job schedulers.
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
  await app.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
