import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import { LicensingService } from "@uslimato/server-licensing";
import { TenantsService } from "@uslimato/server-tenants";
import { PASSWORD, uniqueSlug } from "@uslimato/server-testing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createApp } from "../src/create-app.ts";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";

export { PASSWORD, uniqueSlug } from "@uslimato/server-testing";
export { openTestDatabase, snapshot, TEST_DB, type TestDatabase } from "./test-database.ts";

export interface TestApp extends TestDatabase {
  /** The Fastify instance under Nest: `app.inject(…)` drives a request through the whole stack. */
  app: FastifyInstance;
  /** The Nest application: `nest.get(SomeService)` for setting up data the way the product does. */
  nest: NestFastifyApplication;
}

/** The tickets-api on a fresh test database (both kinds, see test-database.ts), not listening. */
export async function startTestApp(): Promise<TestApp> {
  const tdb = await openTestDatabase();
  const nest = await createApp(tdb.config, tdb.database);
  const app = nest.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await app.ready();
  return {
    ...tdb,
    app,
    nest,
    async close() {
      await nest.close();
      await tdb.close();
    },
  };
}

/** A tenant with its admin; `license: true` also activates ITSM with every flag. */
export async function makeTenant(
  t: TestApp,
  options: { license?: boolean | { maxAgents?: number; flags?: string[] } } = {},
) {
  const slug = uniqueSlug();
  const adminEmail = `admin@${slug}.test`;
  const tenant = await t.nest.get(TenantsService).createTenant({
    slug,
    name: `Tenant ${slug}`,
    adminEmail,
    adminPassword: PASSWORD,
  });
  if (options.license) {
    const opts = options.license === true ? {} : options.license;
    await t.nest.get(LicensingService).setLicense(tenant.id, { active: true, ...opts });
  }
  return { ...tenant, adminEmail };
}

/** A signed-in browser-like client for app.inject: keeps the cookie and sends the CSRF token on writes. */
export class Client {
  cookie = "";
  csrf = "";
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async signIn(email: string, password = PASSWORD, tenant?: string): Promise<LightMyRequestResponse> {
    const res = await this.request("POST", "/api/auth/sign-in", {
      email,
      password,
      ...(tenant ? { tenant } : {}),
    });
    if (res.statusCode === 200) {
      const set = res.cookies.find((c) => c.name === "uslimato_session");
      this.cookie = `uslimato_session=${set?.value}`;
      this.csrf = res.json().csrfToken;
    }
    return res;
  }

  request(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { "x-csrf-token": this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
    });
  }
  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body?: unknown) => this.request("PATCH", url, body ?? {});
  put = (url: string, body?: unknown) => this.request("PUT", url, body);
  delete = (url: string) => this.request("DELETE", url);
}

export async function signedIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.signIn(email, password);
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  return client;
}
