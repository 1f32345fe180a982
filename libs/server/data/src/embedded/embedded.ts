import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDurablePGlite } from "./durability.ts";
import { PGliteWireServer } from "./pglite-wire-server.ts";

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) serving the PostgreSQL wire
 * protocol on a unix socket inside the data directory.
 *
 * Why a socket even inside one process: PGlite is a single session. Everything (server, CLI, tests)
 * talks to it through `pg` over this socket, so embedded and server mode share one code path, and the
 * wire server (pglite-wire-server.ts) keeps each client's statements and transactions together.
 *
 * Only one process may open the files, so whoever holds `host.lock` serves the socket. A "shared" host
 * (the server, a test process) lets every other process (the CLI while the server runs) connect to it
 * instead of opening the files. An "exclusive" host (the CLI when no server runs) serves only itself for
 * the few seconds of one command: others wait for it to finish rather than connect to a database that
 * is about to go away. Files on disk are opened with real fsync (durability.ts).
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

export type HostKind = "shared" | "exclusive";

export interface LockHolder {
  pid: number;
  kind: HostKind;
}

function readHolder(file: string): LockHolder | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const [pid, kind] = text.trim().split(/\s+/);
  return { pid: Number(pid), kind: kind === "exclusive" ? "exclusive" : "shared" };
}

/** The live process holding the data directory's lock, or null. */
export function lockHolder(socketDir: string): LockHolder | null {
  const holder = readHolder(path.join(socketDir, "host.lock"));
  return holder?.pid && holder.pid !== process.pid && pidAlive(holder.pid) ? holder : null;
}

/** Take the data directory's lock, or return false if a live process holds it. */
function acquireLock(lockFile: string, kind: HostKind): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid} ${kind}`, { flag: "wx" });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const stale = readHolder(lockFile);
    if (!stale) continue; // released meanwhile
    if (stale.pid && stale.pid !== process.pid && pidAlive(stale.pid)) return false;
    // Left behind by a process that died. Move it aside atomically rather than delete it: if another
    // process took the lock over in the meantime, what we moved is its live lock, and we put it back.
    const aside = `${lockFile}.${process.pid}`;
    try {
      fs.renameSync(lockFile, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    const moved = readHolder(aside);
    if (moved && moved.pid !== stale.pid && pidAlive(moved.pid)) {
      try {
        fs.linkSync(aside, lockFile);
      } finally {
        fs.rmSync(aside, { force: true });
      }
      return false;
    }
    fs.rmSync(aside, { force: true });
  }
  return false;
}

/**
 * Settings of PGlite's one session, which every client shares. BullMQ's PostgreSQL backend keeps its
 * tables and functions in schema `bullmq` and asks for `search_path=bullmq` in each connection's startup
 * options, which PGlite ignores: without `bullmq` on the server's search path every job call fails with
 * "function add_job(…) does not exist". `public` stays first, so the product's unqualified names (and
 * its migrations) keep resolving to its own tables.
 */
export const SESSION_START_PARAMS = ["-c", "search_path=public,bullmq"];

/**
 * Open the embedded database in `dataDir` (or in memory when `dataDir` is null, for tests) and serve it
 * on a socket. Returns null when another live process already holds the files.
 */
export async function startEmbeddedHost(
  dataDir: string | null,
  socketDir: string,
  kind: HostKind = "shared",
): Promise<EmbeddedHost | null> {
  fs.mkdirSync(socketDir, { recursive: true });
  const lockFile = path.join(socketDir, "host.lock");
  if (!acquireLock(lockFile, kind)) return null;
  try {
    fs.rmSync(socketPath(socketDir), { force: true });
    const db = dataDir
      ? await openDurablePGlite(path.join(dataDir, "pgdata"), SESSION_START_PARAMS)
      : await PGlite.create({ startParams: [...PGlite.defaultStartParams, ...SESSION_START_PARAMS] });
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
