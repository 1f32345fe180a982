import "reflect-metadata";
import { Logger } from "@nestjs/common";
import { loadConfig } from "@uslimato/server-core";
import { openDatabase } from "@uslimato/server-data";
import { createApp } from "./create-app.ts";

const config = loadConfig();
const database = await openDatabase(config);
const app = await createApp(config, database);
await app.listen({ port: config.port, host: config.host });
const where = database.mode === "embedded" ? ` in ${config.dataDir}` : "";
new Logger("tickets-api").log(`Uslimato on ${config.publicUrl} (database: ${database.mode}${where})`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  new Logger("tickets-api").log(`${signal}: shutting down`);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
