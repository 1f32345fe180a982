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
      redisUrl: undefined,
      smtpUrl: undefined,
      publicUrl: "http://localhost:3000",
      operatorEmail: undefined,
      operatorPassword: undefined,
      secureCookies: false,
      logLevel: "info",
    });
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
});
