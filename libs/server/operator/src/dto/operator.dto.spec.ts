import "reflect-metadata";
import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { AppError, RequestValidationPipe } from "@uslimato/server-core";
import { LicenseChangeDto, NewTenantDto, OperatorSignInDto } from "./operator.dto.ts";

const pipe = new RequestValidationPipe();
const errorsOf = async (metatype: new () => object, body: unknown) => {
  try {
    await pipe.transform(body, { type: "body", metatype });
    return [];
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, "validation_failed");
    return err.errors ?? [];
  }
};

describe("operator request bodies", () => {
  test("sign-in: missing fields are required, a bad email is named, unknown fields are refused", async () => {
    assert.deepEqual(await errorsOf(OperatorSignInDto, {}), [
      { field: "email", message: "is required" },
      { field: "password", message: "is required" },
    ]);
    assert.deepEqual(await errorsOf(OperatorSignInDto, { email: " ops ", password: "", role: "x" }), [
      { field: "role", message: "is not a known field" },
      { field: "email", message: "is not a valid email address" },
      { field: "password", message: "is required" },
    ]);
    assert.deepEqual(await errorsOf(OperatorSignInDto, { email: " a@b.test ", password: "x" }), []);
  });

  test("tenant creation: names are trimmed and required, the admin name is optional", async () => {
    const ok = { slug: "acme", name: " Acme ", adminEmail: "a@acme.test", adminPassword: "x" };
    assert.deepEqual(await errorsOf(NewTenantDto, ok), []);
    const dto = (await pipe.transform(ok, { type: "body", metatype: NewTenantDto })) as NewTenantDto;
    assert.equal(dto.name, "Acme");
    assert.deepEqual(await errorsOf(NewTenantDto, { ...ok, name: "  ", adminName: "" }), [
      { field: "name", message: "is required" },
      { field: "adminName", message: "is required" },
    ]);
    assert.deepEqual(await errorsOf(NewTenantDto, { ...ok, slug: "x".repeat(41), adminEmail: "hank" }), [
      { field: "slug", message: "must be at most 40 characters long" },
      { field: "adminEmail", message: "is not a valid email address" },
    ]);
  });

  test("license: active is required; quotas are whole numbers in range", async () => {
    assert.deepEqual(await errorsOf(LicenseChangeDto, { active: true, flags: ["agent_portal"] }), []);
    assert.deepEqual(await errorsOf(LicenseChangeDto, { flags: [] }), [
      { field: "active", message: "is required" },
    ]);
    const fields = async (body: object) => (await errorsOf(LicenseChangeDto, body)).map((e) => e.field);
    assert.deepEqual(await fields({ active: "yes" }), ["active"]);
    assert.deepEqual(await fields({ active: true, maxAgents: -1 }), ["maxAgents"]);
    assert.deepEqual(await fields({ active: true, maxAgents: 1.5 }), ["maxAgents"]);
    assert.deepEqual(await fields({ active: true, maxEmailsMonth: "lots" }), ["maxEmailsMonth"]);
    assert.deepEqual(await fields({ active: true, maxEmailsMonth: 10_000_001 }), ["maxEmailsMonth"]);
    assert.deepEqual(await fields({ active: true, apiRateLimit: 0 }), ["apiRateLimit"]);
    assert.deepEqual(await fields({ active: true, flags: "agent_portal" }), ["flags"]);
  });
});
