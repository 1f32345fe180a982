import assert from "node:assert/strict";
import { GroupsService, UsersService } from "@uslimato/server-access";
import { ApiKeysService } from "@uslimato/server-public-api";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { makeTenant, PASSWORD, type TestApp } from "./helpers.ts";

// ajv-formats is CommonJS; its module object is the plugin and also carries it as `default`.
const addFormats = addFormatsModule.default;

/** A Public API caller for app.inject: `Authorization: Bearer <key>` on every request. */
export class ApiClient {
  private readonly app: FastifyInstance;
  readonly key: string | null;
  constructor(app: FastifyInstance, key: string | null) {
    this.app = app;
    this.key = key;
  }

  request(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url: url.startsWith("/") ? url : `/public/v1/${url}`,
      headers: { ...(this.key ? { authorization: `Bearer ${this.key}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
    });
  }
  get = (url: string) => this.request("GET", url);
  post = (url: string, body: unknown, headers?: Record<string, string>) =>
    this.request("POST", url, body, headers);
  patch = (url: string, body: unknown) => this.request("PATCH", url, body);
}

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

/**
 * Validates real responses against the served OpenAPI document: the operation must document the
 * status and content type, and the body must match that schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1).
 */
export class Contract {
  readonly doc: Doc;
  private readonly ajv: Ajv2020;
  checked = 0;
  constructor(doc: Doc) {
    this.doc = doc;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, "openapi");
  }

  /** `operation` like "GET /public/v1/tickets/{id}". */
  check(res: LightMyRequestResponse, operation: string): void {
    const [method, path] = operation.split(" ") as [string, string];
    const op = this.doc.paths[path]?.[method.toLowerCase()];
    assert.ok(op, `${operation} is not in the OpenAPI document`);
    const response = op.responses[String(res.statusCode)];
    assert.ok(
      response,
      `${operation} answered ${res.statusCode}, which the document does not list: ${res.body}`,
    );
    const [contentType] = Object.keys(response.content ?? {});
    assert.ok(contentType, `${operation} ${res.statusCode} has no content in the document`);
    assert.ok(
      String(res.headers["content-type"]).startsWith(contentType),
      `${operation} ${res.statusCode}: content-type ${res.headers["content-type"]}, document says ${contentType}`,
    );
    const pointer = [
      "paths",
      path,
      method.toLowerCase(),
      "responses",
      String(res.statusCode),
      "content",
      contentType,
      "schema",
    ]
      .map((p) => encodeURIComponent(p.replaceAll("~", "~0").replaceAll("/", "~1")))
      .join("/");
    const validate =
      this.ajv.getSchema(`openapi#/${pointer}`) ?? this.ajv.compile({ $ref: `openapi#/${pointer}` });
    const ok = validate(res.json());
    assert.ok(
      ok,
      `${operation} ${res.statusCode} does not match the document: ${this.ajv.errorsText(validate.errors)}\n${res.body.slice(0, 500)}`,
    );
    this.checked++;
  }
}

export interface Desk {
  tenant: Awaited<ReturnType<typeof makeTenant>>;
  agentEmail: string;
  reporterEmail: string;
  /** Holds tickets:manage and tickets:create, not tickets:close. */
  triageEmail: string;
  key(owner: string, scopes: string[]): Promise<string>;
}

/** A licensed tenant with an agent (ITSM Agent), a reporter, a triage agent, and a key factory. */
export async function makeDesk(
  t: TestApp,
  license: boolean | { flags?: string[]; apiRateLimit?: number } = true,
): Promise<Desk> {
  const tenant = await makeTenant(t, { license: license === true ? true : license ? license : false });
  const users = t.nest.get(UsersService);
  const groups = t.nest.get(GroupsService);
  const agentEmail = `agent@${tenant.slug}.test`;
  const reporterEmail = `reporter@${tenant.slug}.test`;
  const triageEmail = `triage@${tenant.slug}.test`;
  if (license) {
    await users.createUser(tenant.id, {
      email: agentEmail,
      name: "Agent",
      password: PASSWORD,
      groups: ["ITSM Agent"],
    });
  }
  await groups.createGroup(tenant.id, { name: "Reporters", permissions: ["tickets:create"] });
  await groups.createGroup(tenant.id, { name: "Triage", permissions: ["tickets:create", "tickets:manage"] });
  await users.createUser(tenant.id, {
    email: reporterEmail,
    name: "Reporter",
    password: PASSWORD,
    groups: ["Reporters"],
  });
  if (license) {
    await users.createUser(tenant.id, {
      email: triageEmail,
      name: "Triage",
      password: PASSWORD,
      groups: ["Triage"],
    });
  }
  const keys = t.nest.get(ApiKeysService);
  return {
    tenant,
    agentEmail,
    reporterEmail,
    triageEmail,
    async key(owner, scopes) {
      return (await keys.createApiKey(tenant.id, { scopes, ownerEmail: owner, createdBy: null })).secret;
    },
  };
}

/** Rate limits count in fixed one-minute windows: start a counting test well inside one. */
export async function awayFromWindowEdge(marginMs = 8000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 100));
}
