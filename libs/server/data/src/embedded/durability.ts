import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * Durability of the embedded database (PGlite on Node).
 *
 * Out of the box PGlite does not make a commit durable: it starts PostgreSQL with fsync off (`-F`), and
 * the WebAssembly file layer (emscripten's NODEFS) turns `fsync()` into a no-op and `fdatasync()` into a
 * no-op too. Every write still goes straight to the operating system (`fs.writeSync`), so a committed
 * transaction survives the process being killed (the kernel keeps the pages), but not a power cut or an
 * OS crash. PGlite's `relaxedDurability` option and `syncToFs()` only concern the browser's IndexedDB
 * file layer; on Node they do nothing.
 *
 * What this module does, to get the guarantee of a real PostgreSQL with `fsync = on`:
 * 1. implements NODEFS's `fsync` with a real `fs.fsyncSync` on the file (or directory) descriptor;
 * 2. starts PostgreSQL without `-F` and with `wal_sync_method = fsync` (the `fdatasync` path stays a
 *    no-op in emscripten, `fsync` reaches step 1). PostgreSQL then flushes the WAL before COMMIT
 *    returns, flushes data files at each checkpoint, and orders its writes as it does on a server;
 * 3. at open, flushes every file and directory of the data directory once: PGlite's first start unpacks
 *    a template cluster into the directory without fsync, and PostgreSQL never syncs files it did not
 *    write itself.
 *
 * Cost: one fsync of the WAL segment per committing write transaction, on the event loop (PGlite runs
 * there anyway). Read-only transactions write no WAL and do not sync.
 */

/** Counters for tests and diagnostics. */
export const durabilityStats = { fsyncs: 0, fsyncMs: 0 };

/** The server's start parameters: PGlite's defaults minus "fsync off", with a WAL sync that works. */
export function durableStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams.filter((p) => p !== "-F"),
    ...["-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on"],
    ...["-c", "wal_sync_method=fsync"],
  ];
}

interface NodeFsStream {
  nfd: number;
}
interface NodeFsModule {
  FS: {
    filesystems: {
      NODEFS: {
        stream_ops: { fsync?: (stream: NodeFsStream) => number };
        tryFSOperation<T>(fn: () => T): T;
      };
    };
  };
}

/** NodeFS whose fsync reaches the disk. */
class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const result = await super.init(...args);
    const preRun = (result.emscriptenOpts.preRun ?? []) as ((mod: NodeFsModule) => void)[];
    preRun.push((mod) => {
      const nodefs = mod.FS.filesystems.NODEFS;
      nodefs.stream_ops.fsync = (stream) => {
        const start = performance.now();
        // A failed fsync becomes an errno for PostgreSQL, which then stops rather than lose data.
        nodefs.tryFSOperation(() => fs.fsyncSync(stream.nfd));
        durabilityStats.fsyncs++;
        durabilityStats.fsyncMs += performance.now() - start;
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun as typeof result.emscriptenOpts.preRun;
    return result;
  }
}

/** fsync every file and directory under `dir` (children before their directory). */
export function syncTree(dir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) count += syncTree(full);
    else if (entry.isFile()) count += syncPath(full);
  }
  return count + syncPath(dir);
}

function syncPath(file: string): number {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return 1;
}

/** Open the PGlite files in `pgdataDir` with the durability described above. */
export async function openDurablePGlite(pgdataDir: string, extraStartParams: string[] = []): Promise<PGlite> {
  const db = await PGlite.create({
    fs: new DurableNodeFS(pgdataDir),
    startParams: [...durableStartParams(), ...extraStartParams],
  });
  try {
    const { rows } = await db.query<{ fsync: string; method: string }>(
      "select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method",
    );
    if (rows[0]?.fsync !== "on" || rows[0]?.method !== "fsync") {
      throw new Error(`embedded database started without durable commits (${JSON.stringify(rows[0])})`);
    }
    syncTree(pgdataDir);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
