import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGliteWireServer } from "./pglite-wire-server.ts";

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) serving the PostgreSQL wire
 * protocol on a unix socket inside the data directory.
 *
 * Why a socket even inside one process: PGlite is a single session. Everything (server, CLI, tests)
 * talks to it through `pg` over this socket, so embedded and server mode share one code path, and
 * the wire server (pglite-wire-server.ts) keeps each client's statements and transactions together. Only one process may open the files,
 * so whoever holds `host.lock` serves the socket and every other process (the CLI while the server
 * runs) connects to it instead of opening the files.
 */
export interface EmbeddedHost {
  /** Directory holding `.s.PGSQL.5432`; pass as `host` to `pg`. */
  socketDir: string;
  stop(): Promise<void>;
}

export const EMBEDDED_PORT = 5432;

export function socketPath(dir: string): string {
  return path.join(dir, `.s.PGSQL.${EMBEDDED_PORT}`);
}

/** True when some process serves the embedded database in `dir`. */
export function isServing(dir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(socketPath(dir));
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the data directory's lock, or return false if a live process holds it. */
function acquireLock(lockFile: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder && pidAlive(holder) && holder !== process.pid) return false;
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  return false;
}

/**
 * Open the embedded database in `dataDir` (or in memory when `dataDir` is null, for tests) and serve it
 * on a socket. Returns null when another live process already holds the files.
 */
export async function startEmbeddedHost(
  dataDir: string | null,
  socketDir: string,
): Promise<EmbeddedHost | null> {
  fs.mkdirSync(socketDir, { recursive: true });
  const lockFile = path.join(socketDir, "host.lock");
  if (!acquireLock(lockFile)) return null;
  try {
    fs.rmSync(socketPath(socketDir), { force: true });
    const db = dataDir ? await PGlite.create(path.join(dataDir, "pgdata")) : await PGlite.create();
    const server = new PGliteWireServer({ db, path: socketPath(socketDir) });
    await server.start();
    let stopped = false;
    return {
      socketDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        fs.rmSync(lockFile, { force: true });
      },
    };
  } catch (err) {
    fs.rmSync(lockFile, { force: true });
    throw err;
  }
}
