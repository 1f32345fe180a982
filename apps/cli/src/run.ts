import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { AppError, loadConfig } from "@uslimato/server-core";
import { openDatabase } from "@uslimato/server-data";
import { CliModule } from "./cli.module.ts";
import { findCommand } from "./commands.ts";
import { fail, type Options } from "./usage.ts";

/** Run one command against the configured database; returns the exit code. */
export async function runCommandLine(name: string, options: Options): Promise<number> {
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const command = findCommand(name);
    const providers = (await command.providers?.()) ?? [];
    const config = loadConfig();
    database = await openDatabase(config, {
      poolSize: 2,
      hostKind: "exclusive",
      ...(command.ownsMigrations ? { migrate: false } : {}),
    });
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, database, providers), {
      logger: false,
      abortOnError: false,
    });
    try {
      process.stdout.write(`${await command.run(app, options)}\n`);
      return 0;
    } finally {
      await app.close();
    }
  } catch (err) {
    if (err instanceof AppError) {
      fail(err);
      return 1;
    }
    throw err;
  } finally {
    await database?.close();
  }
}
