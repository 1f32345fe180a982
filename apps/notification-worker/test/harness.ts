import type { INestApplicationContext } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { UsersService } from "@uslimato/server-access";
import { composeEventMails, createMailTransport } from "@uslimato/server-emails";
import { LicensingService } from "@uslimato/server-licensing";
import type { ComposeEventMails, MailTransport } from "@uslimato/server-notifications";
import { TenantsService } from "@uslimato/server-tenants";
import { PASSWORD, uniqueSlug } from "@uslimato/server-testing";
import type { Actor } from "@uslimato/server-tickets";
import { WorkerModule } from "../src/worker.module.ts";

export {
  openTestDatabase,
  type ReceivedMail,
  SmtpSink,
  TEST_DB,
  type TestDatabase,
} from "@uslimato/server-testing";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `check` returns a truthy value (or throw after `ms`, naming what was awaited). */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The emails library's transport, to the sink (SMTP_URL). */
export function smtpTransport(url: string): MailTransport {
  return createMailTransport({ smtpUrl: url, dataDir: "/nonexistent", publicUrl: "http://localhost:3000" });
}

/** The real renderer: recipients, templates, signed links (@uslimato/server-emails). */
export const compose: ComposeEventMails = composeEventMails;

export interface World {
  context: INestApplicationContext;
  tenantId: string;
  slug: string;
  admin: { id: string; email: string };
  agents: { id: string; email: string }[];
  reporter: { id: string; email: string };
  actor(user: { id: string }, agent?: boolean): Actor;
}

/**
 * A tenant with its license (every flag unless `flags`), two agents and a reporter, created through the
 * product's services in the worker's own application context.
 */
export async function makeWorld(
  context: INestApplicationContext,
  options: { flags?: string[]; maxEmailsMonth?: number; agentEmails?: string[] } = {},
): Promise<World> {
  const slug = uniqueSlug();
  const adminEmail = `admin@${slug}.test`;
  const tenant = await context.get(TenantsService).createTenant({
    slug,
    name: `Tenant ${slug}`,
    adminEmail,
    adminPassword: PASSWORD,
  });
  await context.get(LicensingService).setLicense(tenant.id, {
    active: true,
    ...(options.flags ? { flags: options.flags } : {}),
    ...(options.maxEmailsMonth !== undefined ? { maxEmailsMonth: options.maxEmailsMonth } : {}),
  });
  const users = context.get(UsersService);
  const agentEmails = options.agentEmails ?? [`agent1@${slug}.test`, `agent2@${slug}.test`];
  const agents = [];
  for (const [i, email] of agentEmails.entries()) {
    const u = await users.createUser(tenant.id, {
      email,
      name: `Agent ${i + 1}`,
      password: PASSWORD,
      groups: ["ITSM Agent"],
    });
    agents.push({ id: u.id, email });
  }
  const reporterEmail = `reporter@${slug}.test`;
  const reporter = await users.createUser(tenant.id, {
    email: reporterEmail,
    name: "Reporter",
    password: PASSWORD,
  });
  const adminUser = (await users.listUsers(tenant.id)).find((u) => u.email === adminEmail);
  const agentPermissions = new Set(["tickets:create", "tickets:manage", "tickets:close"]);
  return {
    context,
    tenantId: tenant.id,
    slug,
    admin: { id: adminUser?.id ?? "", email: adminEmail },
    agents,
    reporter: { id: reporter.id, email: reporterEmail },
    actor: (user, agent = false) => ({
      tenantId: tenant.id,
      userId: user.id,
      permissions: agent ? agentPermissions : new Set(["tickets:create"]),
    }),
  };
}

/** The feature modules on a test database, for driving ticket changes the way the product does. */
export function serviceContext(t: {
  config: import("@uslimato/server-core").Config;
  database: import("@uslimato/server-data").Database;
}) {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(t.config, t.database), { logger: false });
}
