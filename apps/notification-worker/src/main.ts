import "reflect-metadata";
import { Logger } from "@nestjs/common";
import { loadConfig } from "@uslimato/server-core";
import { openDatabase } from "@uslimato/server-data";
import { composeEventMails, createMailTransport } from "@uslimato/server-emails";
import { startHealthServer } from "./health.ts";
import { startWorker } from "./worker.ts";

// The notification worker: relays the outbox to BullMQ, sends the ticket events' mails, runs the
// scheduled jobs (quota check, auto-close). Any number of these may run beside any number of api's.
const logger = new Logger("notification-worker");
const config = loadConfig();
const database = await openDatabase(config);
const processes = await startWorker(config, database, {
  compose: composeEventMails,
  transport: createMailTransport(config),
  log: (msg, err) => logger.error(err ? `${msg}: ${String(err)}` : msg),
});
const health =
  config.workerHealthPort === undefined
    ? null
    : await startHealthServer(config.workerHealthPort, {
        running: () => processes.worker.running,
        dataSource: database.dataSource,
      });
const where = database.mode === "embedded" ? ` in ${config.dataDir}` : "";
const queue = config.redisUrl ? "Redis" : "PostgreSQL";
if (config.logLevel !== "silent") {
  console.log(
    `notification-worker ready (database: ${database.mode}${where}, queue: BullMQ on ${queue}, concurrency ${config.workerConcurrency})`,
  );
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  if (config.logLevel !== "silent") console.log(`${signal}: finishing the jobs in flight`);
  // worker.close() inside: no new jobs, the running ones finish, then the queues and the database close.
  await processes.stop();
  health?.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
