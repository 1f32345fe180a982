import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { AppError } from "../http/errors.ts";
import { runCommand, USAGE } from "./commands.ts";

/**
 * `npx uslimato <noun> <verb> [--options]`. Works against the same database as the server, running or
 * not: in embedded mode it connects to the running server's database socket, or opens the files itself.
 * Prints its result on stdout; on bad input one line on stderr and exit code 1.
 */
async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    fail(err);
    return 2;
  }
  const [noun, verb] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!noun) {
    process.stderr.write(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig(), { poolSize: 2, hostKind: "exclusive" });
  try {
    const output = await runCommand(database.db, `${noun} ${verb ?? ""}`.trim(), parsed.values);
    process.stdout.write(`${output}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      fail(err);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

/** One line on stderr, whatever the error (node's own messages can run over several lines). */
function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: ${message.split("\n")[0]?.trim() || "unknown error"}\n`);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      slug: { type: "string" },
      name: { type: "string" },
      tenant: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
      "admin-password": { type: "string" },
      flags: { type: "string" },
      "max-agents": { type: "string" },
      "max-emails-month": { type: "string" },
      "api-rate-limit": { type: "string" },
      permissions: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      group: { type: "string", multiple: true },
      owner: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    fail(err);
    process.exit(1);
  },
);
