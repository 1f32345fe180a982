// Kept apart from the commands so that `--help` and a command line that does not parse answer without
// loading Nest, TypeORM and the feature libraries.
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
  demo --tenant demo   (creates the tenant if needed and prints its admin's credentials, activates the
                       license, fills it with assets, movements, users and tickets; run again: keeps all)
  db export --file uslimato.jsonl.gz   (every row, one snapshot; e.g. of the embedded database)
  db import --file uslimato.jsonl.gz   (into a new database, e.g. DATABASE_URL=postgres://… ; superuser)
  migrate        (applies pending database migrations; for DATABASE_MIGRATE=off deployments)
`;

export type Options = Record<string, string | boolean | string[] | undefined>;

/** One line on stderr, whatever the error (node's own messages can run over several lines). */
export function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: ${message.split("\n")[0]?.trim() || "unknown error"}\n`);
}
