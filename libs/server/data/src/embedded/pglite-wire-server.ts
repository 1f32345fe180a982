import fs from "node:fs";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PGlite instance to many `pg` clients over a unix socket, PostgreSQL wire protocol.
 *
 * Why not pglite-socket's server: it queues each protocol *message* separately, so between one
 * client's Parse and its Bind another client's Parse can run. PGlite is a single session, so the
 * second Parse replaces the unnamed statement and the first client's Bind runs the other client's
 * statement with its own parameters ("unnamed prepared statement does not exist", or worse, silently
 * the wrong statement). Here a client holds the session from its first message until a Sync or simple
 * Query leaves the session outside a transaction: whole extended-protocol cycles and whole
 * transactions never interleave. A client that disconnects inside a transaction is rolled back.
 */
export class PGliteWireServer {
  private readonly db: PGlite;
  private readonly path: string;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(options: { db: PGlite; path: string }) {
    this.db = options.db;
    this.path = options.path;
  }

  start(): Promise<void> {
    fs.rmSync(this.path, { force: true });
    const server = net.createServer((socket) => this.serve(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.path, () => resolve());
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Take the single PGlite session; resolves to the function that gives it back. */
  private acquire(): Promise<() => void> {
    return new Promise((resolveAcquire) => {
      void this.db.runExclusive(
        () =>
          new Promise<void>((release) => {
            resolveAcquire(release);
          }),
      );
    });
  }

  private serve(socket: net.Socket): void {
    this.sockets.add(socket);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let release: (() => void) | null = null;
    let working = false;
    let closed = false;

    const giveBack = () => {
      release?.();
      release = null;
    };

    /** Cut the next complete message off the buffer, or null. The first one is the untyped startup. */
    const nextMessage = (): Buffer | null => {
      if (!started) {
        if (buffer.length < 8) return null;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return null;
        const msg = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        return msg;
      }
      if (buffer.length < 5) return null;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return null;
      const msg = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      return msg;
    };

    const work = async () => {
      if (working) return;
      working = true;
      try {
        for (let msg = nextMessage(); msg && !closed; msg = nextMessage()) {
          if (!started) {
            const code = msg.readInt32BE(4);
            if (code === 80877103) {
              socket.write("N"); // SSL request: no TLS on a local socket
              continue;
            }
            if (code === 80877102) {
              socket.destroy(); // cancel request: not supported
              return;
            }
          }
          const type = started ? String.fromCharCode(msg[0] as number) : "startup";
          if (type === "X") {
            socket.end();
            return;
          }
          release ??= await this.acquire();
          if (closed) break;
          await this.db.execProtocolRawStream(new Uint8Array(msg), {
            onRawData: (data) => {
              if (!socket.destroyed) socket.write(Buffer.from(data));
            },
          });
          started = true;
          // A cycle ends at Sync or a simple Query (and after startup); outside a transaction the session
          // is free for the next client.
          if ((type === "S" || type === "Q" || type === "startup") && !this.db.isInTransaction()) giveBack();
        }
      } catch {
        socket.destroy();
      } finally {
        working = false;
      }
    };

    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      void work();
    });
    const onGone = async () => {
      if (closed) return;
      closed = true;
      this.sockets.delete(socket);
      while (working) await new Promise((r) => setTimeout(r, 5));
      if (release) {
        try {
          // Finish a cycle the client left half-sent, then undo its open transaction.
          await this.db.execProtocolRawStream(SYNC, { onRawData: () => {} });
          if (this.db.isInTransaction())
            await this.db.execProtocolRawStream(simpleQuery("ROLLBACK"), { onRawData: () => {} });
        } finally {
          giveBack();
        }
      }
    };
    socket.on("close", () => void onGone());
    socket.on("error", () => void onGone());
  }
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** A simple-protocol Query message. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const msg = Buffer.alloc(5 + text.length);
  msg.write("Q", 0);
  msg.writeInt32BE(4 + text.length, 1);
  text.copy(msg, 5);
  return new Uint8Array(msg);
}
