import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "@jest/globals";
import { loadConfig } from "./config.ts";

describe("configuration from the environment", () => {
  test("defaults", () => {
    assert.deepEqual(loadConfig({}), {
      port: 3000,
      host: "0.0.0.0",
      dataDir: path.resolve("./data"),
      databaseUrl: undefined,
      preparedStatements: true,
      migrateOnStart: true,
      redisUrl: undefined,
      smtpUrl: undefined,
      mailFrom: undefined,
      publicUrl: "http://localhost:3000",
      operatorEmail: undefined,
      operatorPassword: undefined,
      secureCookies: false,
      logLevel: "info",
      workerConcurrency: 8,
      workerHealthPort: undefined,
    });
  });

  test("the notification worker's concurrency and probe port", () => {
    const config = loadConfig({ WORKER_CONCURRENCY: "32", WORKER_HEALTH_PORT: "9464" });
    assert.equal(config.workerConcurrency, 32);
    assert.equal(config.workerHealthPort, 9464);
    assert.throws(() => loadConfig({ WORKER_CONCURRENCY: "0" }), /WORKER_CONCURRENCY/);
    assert.throws(() => loadConfig({ WORKER_CONCURRENCY: "many" }), /WORKER_CONCURRENCY/);
    assert.throws(() => loadConfig({ WORKER_HEALTH_PORT: "70000" }), /WORKER_HEALTH_PORT/);
  });

  test("an empty variable counts as unset", () => {
    const config = loadConfig({
      PORT: "",
      DATA_DIR: "",
      DATABASE_URL: "",
      HOST: "",
      LOG_LEVEL: "",
      PUBLIC_URL: "",
    });
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve("./data"));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.host, "0.0.0.0");
    assert.equal(config.logLevel, "info");
    assert.equal(config.publicUrl, "http://localhost:3000");
  });

  test("values are read; PUBLIC_URL follows PORT; https implies Secure cookies unless SECURE_COOKIES says", () => {
    const config = loadConfig({ PORT: "8080", DATA_DIR: "/srv/usl", DATABASE_URL: "postgres://db/usl" });
    assert.equal(config.port, 8080);
    assert.equal(config.publicUrl, "http://localhost:8080");
    assert.equal(config.dataDir, "/srv/usl");
    assert.equal(config.databaseUrl, "postgres://db/usl");
    assert.equal(loadConfig({ PUBLIC_URL: "https://acme.example" }).secureCookies, true);
    assert.equal(
      loadConfig({ PUBLIC_URL: "https://acme.example", SECURE_COOKIES: "false" }).secureCookies,
      false,
    );
    assert.equal(loadConfig({ SECURE_COOKIES: "true" }).secureCookies, true);
  });

  test("a PORT that is not a port number is refused with the variable named", () => {
    for (const port of ["abc", "70000", "-1", "80.5"]) {
      assert.throws(() => loadConfig({ PORT: port }), /PORT must be a port number/, port);
    }
  });

  test("DATABASE_PREPARED_STATEMENTS turns named prepared statements off (transaction-mode poolers)", () => {
    assert.equal(loadConfig({ DATABASE_PREPARED_STATEMENTS: "false" }).preparedStatements, false);
    assert.equal(loadConfig({ DATABASE_PREPARED_STATEMENTS: "true" }).preparedStatements, true);
    assert.throws(
      () => loadConfig({ DATABASE_PREPARED_STATEMENTS: "no" }),
      /DATABASE_PREPARED_STATEMENTS must be "true" or "false"/,
    );
  });

  test("DATABASE_MIGRATE=off leaves migrations to `uslimato migrate`", () => {
    assert.equal(loadConfig({ DATABASE_MIGRATE: "off" }).migrateOnStart, false);
    assert.throws(() => loadConfig({ DATABASE_MIGRATE: "yes" }), /DATABASE_MIGRATE must be "auto" or "off"/);
  });
});
