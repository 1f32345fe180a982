import "reflect-metadata";
import type { INestApplicationContext, LogLevel } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import type { Config } from "@uslimato/server-core";
import type { Database } from "@uslimato/server-data";
import { QuotaCheckService } from "@uslimato/server-licensing";
import {
  type ComposeEventMails,
  type MailTransport,
  NotificationWorker,
  type NotificationWorkerOptions,
  purgeRelayedOutbox,
  type ScheduledTask,
} from "@uslimato/server-notifications";
import { queueBackend } from "@uslimato/server-queue";
import { AutoCloseService } from "@uslimato/server-tickets";
import { WorkerModule } from "./worker.module.ts";

const HOUR = 3600_000;

export interface WorkerProcess {
  context: INestApplicationContext;
  worker: NotificationWorker;
  stop(): Promise<void>;
}

export interface WorkerWiring {
  compose: ComposeEventMails;
  transport: MailTransport;
  /** Tests: shorter periods and back-off. */
  everyMs?: number;
  backoff?: NotificationWorkerOptions["backoff"];
  log?: (msg: string, err?: unknown) => void;
  prefix?: string;
}

const NEST_LOG: Record<string, LogLevel[]> = {
  silent: [],
  debug: ["fatal", "error", "warn", "log", "debug"],
};

/** The periodic jobs that moved here from the api's home-made scheduler (issue 10). */
export function scheduledTasks(
  context: INestApplicationContext,
  database: Database,
  everyMs = HOUR,
): ScheduledTask[] {
  return [
    { id: "quota-check", everyMs, run: () => context.get(QuotaCheckService).runQuotaCheck() },
    { id: "auto-close-resolved", everyMs, run: () => context.get(AutoCloseService).autoCloseResolved() },
    { id: "outbox-purge", everyMs, run: () => purgeRelayedOutbox(database.dataSource) },
  ];
}

/** The notification worker on an open database: Nest application context, relay, workers, schedulers. */
export async function startWorker(
  config: Config,
  database: Database,
  wiring: WorkerWiring,
): Promise<WorkerProcess> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, database), {
    logger: NEST_LOG[config.logLevel] ?? ["fatal", "error", "warn"],
  });
  const worker = new NotificationWorker({
    dataSource: database.dataSource,
    backend: queueBackend(config, database),
    compose: wiring.compose,
    transport: wiring.transport,
    publicUrl: config.publicUrl,
    concurrency: config.workerConcurrency,
    scheduled: scheduledTasks(context, database, wiring.everyMs),
    ...(wiring.backoff ? { backoff: wiring.backoff } : {}),
    ...(wiring.log ? { log: wiring.log } : {}),
    ...(wiring.prefix ? { prefix: wiring.prefix } : {}),
  });
  try {
    await worker.start();
  } catch (err) {
    await worker.stop().catch(() => {});
    await context.close();
    throw err;
  }
  return {
    context,
    worker,
    async stop() {
      await worker.stop();
      await context.close();
    },
  };
}
