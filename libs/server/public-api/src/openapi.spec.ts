import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import type { OpenAPIObject } from "@nestjs/swagger";
import { Test } from "@nestjs/testing";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { AssetsService } from "@uslimato/server-assets";
import { ConfigModule, loadConfig } from "@uslimato/server-core";
import { ApiKeyGate } from "./api-key.gate.ts";
import { CursorService } from "./cursor.service.ts";
import { PublicAssetsController } from "./public-assets.controller.ts";
import { PublicDocsController } from "./public-docs.controller.ts";
import { PublicDocsService } from "./public-docs.service.ts";
import { PublicTicketsController } from "./public-tickets.controller.ts";
import { PublicTicketsService } from "./public-tickets.service.ts";

/**
 * Lints the served OpenAPI document as the module builds it (only its controllers are needed, so the
 * services are stand-ins): Redocly's recommended rules with no error and no warning, every operation
 * with a unique operationId, every $ref resolving.
 */
describe("the /public/v1 OpenAPI document", () => {
  let app: INestApplication;
  let doc: OpenAPIObject;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ PUBLIC_URL: "https://desk.acme.test" }))],
      controllers: [PublicTicketsController, PublicAssetsController, PublicDocsController],
      providers: [
        PublicDocsService,
        { provide: PublicTicketsService, useValue: {} },
        { provide: AssetsService, useValue: {} },
        { provide: CursorService, useValue: {} },
        { provide: ApiKeyGate, useValue: {} },
      ],
    }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter({ logger: false }), { logger: false });
    doc = app.get(PublicDocsService).openApi();
  });
  afterAll(() => app?.close());

  test("OpenAPI 3.1 with contact, license, the bearer scheme; every operation has a unique operationId", () => {
    assert.equal(doc.openapi, "3.1.0");
    assert.ok(doc.info.contact?.name && doc.info.contact.url);
    assert.ok(doc.info.license?.name);
    assert.deepEqual(doc.components?.securitySchemes?.apiKey, {
      type: "http",
      scheme: "bearer",
      description: "usk_<tenant id>_<secret>",
    });
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string; security?: unknown }>).map(([m, op]) => ({
        name: `${m.toUpperCase()} ${path}`,
        ...op,
      })),
    );
    assert.deepEqual(operations.map((o) => `${o.name} ${o.operationId}`).sort(), [
      "GET /public/v1/assets listAssets",
      "GET /public/v1/tickets listTickets",
      "GET /public/v1/tickets/{id} getTicket",
      "GET /public/v1/tickets/{id}/comments listTicketComments",
      "PATCH /public/v1/tickets/{id} updateTicket",
      "POST /public/v1/tickets createTicket",
      "POST /public/v1/tickets/{id}/comments addTicketComment",
    ]);
    assert.equal(new Set(operations.map((o) => o.operationId)).size, operations.length);
    for (const op of operations) assert.deepEqual(op.security, [{ apiKey: [] }], op.name);
  });

  test("every error response is problem+json; nullable fields are 3.1 type arrays", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, { responses: object }>)) {
        for (const [status, response] of Object.entries(op.responses) as [string, { content?: object }][]) {
          const types = Object.keys(response.content ?? {});
          const expected = status.startsWith("2") ? ["application/json"] : ["application/problem+json"];
          assert.deepEqual(types, expected, `${method} ${path} ${status}`);
        }
      }
    }
    const json = JSON.stringify(doc);
    assert.ok(!json.includes('"nullable"'), "no 3.0 nullable");
    const ticket = doc.components?.schemas?.Ticket as { properties: Record<string, { type?: unknown }> };
    assert.deepEqual(ticket.properties.closed_at?.type, ["string", "null"]);
  });

  test("every $ref resolves", () => {
    const refs = new Set<string>();
    JSON.stringify(doc, (key, value) => {
      if (key === "$ref") refs.add(value);
      return value;
    });
    assert.ok(refs.size > 0);
    for (const ref of refs) {
      assert.match(ref, /^#\/components\/schemas\//);
      assert.ok(doc.components?.schemas?.[ref.split("/").pop() as string], `${ref} resolves`);
    }
  });

  test("Redocly's recommended rules: no error, no warning", async () => {
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: "/public/v1/openapi.json",
      config: await createConfig({ extends: ["recommended"] }),
    });
    assert.deepEqual(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
      [],
    );
  });
});
