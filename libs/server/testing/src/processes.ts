import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Child processes for the tests that need the real thing: the built server and the CLI.
 * The server runs from the build (`node scripts/build-server.mjs` → dist/server): build it first.
 */
export const ROOT = path.resolve(import.meta.dirname, "../../../..");
export const SERVER_ENTRY = path.join(ROOT, "dist/server/apps/tickets-api/src/main.js");
export const CLI_ENTRY = path.join(ROOT, "bin/uslimato.js");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON responses loosely, as app.inject's json() does.
type Json = any;

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node <entry> …args` to its end, with `env` on top of this process's environment. */
export function runNode(entry: string, args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The operator CLI (`npx uslimato …args`). */
export type CliResult = ProcessResult;
export const runCli = (args: string[], env: Record<string, string>): Promise<CliResult> =>
  runNode(CLI_ENTRY, args, env);

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** Stop it (SIGTERM: a clean shutdown; SIGKILL: a crash) and wait until it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Start the built server with `env` (DATA_DIR or DATABASE_URL decide the database) on a free port and
 * wait until /readyz answers 200.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${path.relative(ROOT, SERVER_ENTRY)} is missing: run \`node scripts/build-server.mjs\` first.`,
    );
  }
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${server.url}/readyz`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop("SIGKILL");
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A cookie-keeping HTTP client for a server process (fetch), sending the CSRF token on writes. */
export class HttpClient {
  cookie = "";
  csrf = "";
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: Json }> {
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { "x-csrf-token": this.csrf } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] as string;
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request("POST", "/api/auth/sign-in", { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.json)}`);
    this.csrf = res.json.csrfToken;
  }
}
