import type { INestApplicationContext, Provider } from "@nestjs/common";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { GroupsService, UsersService } from "@uslimato/server-access";
import { AppError, invalidField } from "@uslimato/server-core";
import { exportDatabase, importDatabase, inTenant, migrate } from "@uslimato/server-data";
import { type LicenseView, LicensingService, QuotaCheckService } from "@uslimato/server-licensing";
import { TenantsService } from "@uslimato/server-tenants";
import { DataSource } from "typeorm";
import type { Options } from "./usage.ts";

/** One `<noun> <verb>`: what it prints, and the providers it needs beyond CliModule's. */
interface Command {
  run(app: INestApplicationContext, options: Options): Promise<string>;
  providers?: () => Promise<Provider[]>;
  /** Opens the database without applying or checking migrations (the command deals with them). */
  ownsMigrations?: boolean;
}

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== "string" || value.trim() === "")
    throw new AppError("bad_request", `--${name} is required.`);
  return value;
}

function count(options: Options, name: string): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw invalidField(`--${name}`, `must be a whole number, got "${String(value)}".`);
  }
  return n;
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function showLicense(slug: string, license: LicenseView | null): string {
  if (!license) return `${slug}: no ITSM license`;
  return [
    `tenant: ${slug}`,
    `active: ${license.active ? "yes" : "no"}`,
    `flags: ${license.flags.join(",") || "(none)"}`,
    `max_agents: ${license.maxAgents}`,
    `max_emails_month: ${license.maxEmailsMonth}`,
    `api_rate_limit: ${license.apiRateLimit}`,
  ].join("\n");
}

const tenantOption = (app: INestApplicationContext, options: Options) =>
  app.get(TenantsService).unsafeTenantBySlug(required(options, "tenant"));

/**
 * The Public API library is loaded for `apikey create` only, and only its key and usage services are
 * provided: its module is the HTTP side (controllers and the OpenAPI document, the Redis rate limiter,
 * which connects — or waits 3 s for an unreachable REDIS_URL — as the module starts, the tickets
 * module), all of which every other command would load and start for nothing.
 */
const publicApi = () => import("@uslimato/server-public-api");

const COMMANDS: Record<string, Command> = {
  "tenant create": {
    async run(app, options) {
      const tenant = await app.get(TenantsService).createTenant({
        slug: required(options, "slug"),
        name: required(options, "name"),
        adminEmail: required(options, "admin-email"),
        adminName: options["admin-name"] as string | undefined,
        adminPassword: required(options, "admin-password"),
      });
      return `created tenant ${tenant.slug} (${tenant.id})`;
    },
  },
  "license activate": {
    async run(app, options) {
      const tenant = await tenantOption(app, options);
      const flags = options.flags as string | undefined;
      const license = await app.get(LicensingService).setLicense(tenant.id, {
        active: true,
        flags: flags === undefined ? undefined : flags === "all" ? [...FEATURE_FLAGS] : list(flags),
        maxAgents: count(options, "max-agents"),
        maxEmailsMonth: count(options, "max-emails-month"),
        apiRateLimit: count(options, "api-rate-limit"),
      });
      return showLicense(tenant.slug, license);
    },
  },
  "license deactivate": {
    async run(app, options) {
      const tenant = await tenantOption(app, options);
      return showLicense(
        tenant.slug,
        await app.get(LicensingService).setLicense(tenant.id, { active: false }),
      );
    },
  },
  "license show": {
    async run(app, options) {
      const tenant = await tenantOption(app, options);
      const usage = await app.get(QuotaCheckService).tenantUsage(tenant.id);
      const license = showLicense(tenant.slug, await app.get(LicensingService).getLicense(tenant.id));
      return `${license}\nagents: ${usage.agents}\nemails_this_month: ${usage.emailsThisMonth}`;
    },
  },
  "group create": {
    async run(app, options) {
      const tenant = await tenantOption(app, options);
      const group = await app.get(GroupsService).createGroup(tenant.id, {
        name: required(options, "name"),
        permissions: list(required(options, "permissions")),
      });
      return `created group "${group.name}" with ${group.permissions.join(",")}`;
    },
  },
  "user create": {
    async run(app, options) {
      const tenant = await tenantOption(app, options);
      const email = required(options, "email");
      if (!/^[^\s@]+@[^\s@]+$/.test(email))
        throw invalidField("--email", `"${email}" is not a valid email address.`);
      const users = app.get(UsersService);
      const id = await inTenant(app.get(DataSource), tenant.id, (em) =>
        users.insertUser(em, tenant.id, {
          email,
          name: required(options, "name"),
          password: required(options, "password"),
          groups: (options.group as string[] | undefined) ?? [],
        }),
      );
      return `created user ${email} (${id})`;
    },
  },
  "apikey create": {
    async providers() {
      const { ApiKeysService, UsageService } = await publicApi();
      return [ApiKeysService, UsageService];
    },
    async run(app, options) {
      const tenant = await tenantOption(app, options);
      const expires = options.expires as string | undefined;
      const expiresAt = expires === undefined ? undefined : new Date(expires);
      if (expiresAt && (Number.isNaN(expiresAt.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(expires ?? ""))) {
        throw invalidField("--expires", `must be a date like 2027-01-01, got "${expires}".`);
      }
      const { key, secret } = await app.get((await publicApi()).ApiKeysService).createApiKey(tenant.id, {
        name: options.name as string | undefined,
        scopes: list(required(options, "scopes")),
        ownerEmail: required(options, "owner"),
        expiresAt,
        createdBy: null,
      });
      const expiry = key.expires_at ? `, expires ${key.expires_at.toISOString()}` : "";
      return [
        `created API key "${key.name}" (${key.id}) acting as ${key.owner.email}, scopes ${key.scopes.join(",")}${expiry}`,
        ...key.notes.map((n) => `note: ${n}`),
        "the key is shown once; store it now:",
        secret,
      ].join("\n");
    },
  },
  migrate: {
    ownsMigrations: true,
    async run(app) {
      const applied = await migrate(app.get(DataSource));
      return applied.length === 0
        ? "migrations: the database is up to date"
        : `migrations: applied ${applied.length} (${applied.join(", ")})`;
    },
  },
  "db export": {
    async run(app, options) {
      const file = required(options, "file");
      const { tables, rows } = await exportDatabase(app.get(DataSource), file);
      return `exported ${rows} rows of ${tables} tables to ${file}`;
    },
  },
  "db import": {
    async run(app, options) {
      const file = required(options, "file");
      const { tables, rows } = await importDatabase(app.get(DataSource), file);
      return `imported ${rows} rows of ${tables} tables from ${file}`;
    },
  },
  demo: {
    // The assets and tickets libraries are loaded for this command only (demo.ts imports them).
    async providers() {
      return (await import("./demo.ts")).DEMO_PROVIDERS;
    },
    async run(app, options) {
      const { runDemo } = await import("./demo.ts");
      return runDemo(app, required(options, "tenant"));
    },
  },
  "quota check": {
    async run(app) {
      const { alertsRaised } = await app.get(QuotaCheckService).runQuotaCheck();
      return `quota check done: ${alertsRaised} new alert(s)`;
    },
  },
};

/** The command named `<noun> <verb>`, refused (before any database is opened) when there is none. */
export function findCommand(name: string): Command {
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command)
    throw new AppError("bad_request", `Unknown command "${name}". Run "uslimato --help" for the list.`);
  return command;
}
