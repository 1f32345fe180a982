import module from "node:module";
import { parseArgs } from "node:util";
import { fail, USAGE } from "./usage.ts";

/**
 * `npx uslimato <noun> <verb> [--options]`. Works against the same database as the server, running or
 * not: in embedded mode it connects to the running server's database socket, or opens the files itself
 * (exclusively, for the one command). Prints its result on stdout; on bad input one line on stderr and
 * a non-zero exit code (2: the command line does not parse; 1: the command refused).
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
  // A command is a fresh process that loads ~1,000 modules (Nest, TypeORM, pg, the feature libraries):
  // node's on-disk compile cache (in the OS temp dir, checked against each file's content) spares
  // compiling them again on every run.
  module.enableCompileCache?.();
  const { runCommandLine } = await import("./run.ts");
  return runCommandLine(`${noun} ${verb ?? ""}`.trim(), parsed.values);
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
      file: { type: "string" },
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
