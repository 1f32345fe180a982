import type { Db } from "../db/database.ts";
import { inTenant } from "../db/database.ts";
import { AppError, invalidField } from "../http/errors.ts";
import { createGroup } from "../modules/access/groups.ts";
import { insertUser } from "../modules/access/users.ts";
import { FEATURE_FLAGS } from "../modules/licensing/features.ts";
import { getLicense, type LicenseView, setLicense } from "../modules/licensing/licenses.ts";
import { runQuotaCheck, tenantUsage } from "../modules/licensing/quota-check.ts";
import { createApiKey } from "../modules/public-api/api-keys.ts";
import { createTenant, unsafeTenantBySlug } from "../modules/tenants/tenants.ts";

export const USAGE = `Usage: uslimato <command> [options]

  tenant create --slug acme --name "Acme Ltd" --admin-email a@acme.test --admin-password '…' [--admin-name …]
  license activate --tenant acme [--flags all|agent_portal,end_user_portal,…] [--max-agents N]
                   [--max-emails-month N] [--api-rate-limit N]
  license deactivate --tenant acme
  license show --tenant acme
  group create --tenant acme --name "Reporters" --permissions tickets:create[,…]
  user create --tenant acme --email … --name … --password … [--group "ITSM Agent"]…
  apikey create --tenant acme --owner a@acme.test --scopes tickets:read,tickets:write [--name …]
                [--expires 2027-01-01]   (prints the key once, alone on the last line)
  quota check
`;

type Options = Record<string, string | boolean | string[] | undefined>;

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

export async function runCommand(db: Db, command: string, options: Options): Promise<string> {
  switch (command) {
    case "tenant create": {
      const tenant = await createTenant(db, {
        slug: required(options, "slug"),
        name: required(options, "name"),
        adminEmail: required(options, "admin-email"),
        adminName: options["admin-name"] as string | undefined,
        adminPassword: required(options, "admin-password"),
      });
      return `created tenant ${tenant.slug} (${tenant.id})`;
    }
    case "license activate": {
      const tenant = await unsafeTenantBySlug(db, required(options, "tenant"));
      const flagsOption = options.flags as string | undefined;
      const license = await setLicense(db, tenant.id, {
        active: true,
        flags:
          flagsOption === undefined
            ? undefined
            : flagsOption === "all"
              ? [...FEATURE_FLAGS]
              : list(flagsOption),
        maxAgents: count(options, "max-agents"),
        maxEmailsMonth: count(options, "max-emails-month"),
        apiRateLimit: count(options, "api-rate-limit"),
      });
      return showLicense(tenant.slug, license);
    }
    case "license deactivate": {
      const tenant = await unsafeTenantBySlug(db, required(options, "tenant"));
      return showLicense(tenant.slug, await setLicense(db, tenant.id, { active: false }));
    }
    case "license show": {
      const tenant = await unsafeTenantBySlug(db, required(options, "tenant"));
      const usage = await tenantUsage(db, tenant.id);
      return `${showLicense(tenant.slug, await getLicense(db, tenant.id))}\nagents: ${usage.agents}\nemails_this_month: ${usage.emailsThisMonth}`;
    }
    case "group create": {
      const tenant = await unsafeTenantBySlug(db, required(options, "tenant"));
      const group = await createGroup(db, tenant.id, {
        name: required(options, "name"),
        permissions: list(required(options, "permissions")),
      });
      return `created group "${group.name}" with ${group.permissions.join(",")}`;
    }
    case "user create": {
      const tenant = await unsafeTenantBySlug(db, required(options, "tenant"));
      const email = required(options, "email");
      if (!/^[^\s@]+@[^\s@]+$/.test(email))
        throw invalidField("--email", `"${email}" is not a valid email address.`);
      const id = await inTenant(db, tenant.id, (tx) =>
        insertUser(tx, tenant.id, {
          email,
          name: required(options, "name"),
          password: required(options, "password"),
          groups: (options.group as string[] | undefined) ?? [],
        }),
      );
      return `created user ${email} (${id})`;
    }
    case "apikey create": {
      const tenant = await unsafeTenantBySlug(db, required(options, "tenant"));
      const expires = options.expires as string | undefined;
      const expiresAt = expires === undefined ? undefined : new Date(expires);
      if (expiresAt && (Number.isNaN(expiresAt.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(expires ?? ""))) {
        throw invalidField("--expires", `must be a date like 2027-01-01, got "${expires}".`);
      }
      const { key, secret } = await createApiKey(db, tenant.id, {
        name: options.name as string | undefined,
        scopes: list(required(options, "scopes")),
        ownerEmail: required(options, "owner"),
        expiresAt,
        createdBy: null,
      });
      return [
        `created API key "${key.name}" (${key.id}) acting as ${key.owner.email}, scopes ${key.scopes.join(",")}${key.expires_at ? `, expires ${key.expires_at.toISOString()}` : ""}`,
        ...key.notes.map((n) => `note: ${n}`),
        "the key is shown once; store it now:",
        secret,
      ].join("\n");
    }
    case "quota check": {
      const { alertsRaised } = await runQuotaCheck(db);
      return `quota check done: ${alertsRaised} new alert(s)`;
    }
    default:
      throw new AppError("bad_request", `Unknown command "${command}". Run "uslimato --help" for the list.`);
  }
}
