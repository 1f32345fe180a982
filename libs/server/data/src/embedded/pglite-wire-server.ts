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
 *
 * LISTEN/NOTIFY: PGlite is one session, so it LISTENs on behalf of every client and emits each
 * notification in the output of whichever client commits the NOTIFY. The server therefore tracks each
 * client's LISTEN channels, cuts PGlite's output into protocol messages and hands every
 * NotificationResponse (`'A'`) to the clients listening on its channel (the committing client keeps it
 * only if it listens too). PGlite's own LISTEN set is kept equal to the union of the clients' sets: an
 * UNLISTEN from one client is undone while others still listen, and a closing client's channels are
 * dropped. Without this a BullMQ worker on the embedded database only finds new jobs by polling.
 */
export class PGliteWireServer {
  private readonly db: PGlite;
  private readonly path: string;
  private server: net.Server | null = null;
  private stopped = false;
  private readonly sockets = new Set<net.Socket>();
  /** Each client's LISTEN channels. */
  private readonly listens = new Map<net.Socket, Set<string>>();
  /** The channels PGlite's single session LISTENs on (what the clients' statements left it with). */
  private readonly pgliteListens = new Set<string>();
  /** Set when a LISTEN set changed since PGlite's was last brought in line (saves work per cycle). */
  private listensChanged = false;

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
    // The database closes next: clients going away now must not run anything on it.
    this.stopped = true;
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
          if (type === "Q" || type === "P") this.trackListens(socket, msg, type);
          await this.exec(new Uint8Array(msg), socket);
          started = true;
          // A cycle ends at Sync or a simple Query (and after startup); outside a transaction the session
          // is free for the next client.
          if ((type === "S" || type === "Q" || type === "startup") && !this.db.isInTransaction()) {
            await this.syncListens();
            giveBack();
          }
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
      const held = release !== null;
      if (this.listens.delete(socket)) this.listensChanged = true;
      if (this.stopped) return giveBack();
      if (!held && !this.listensChanged) return;
      release ??= await this.acquire();
      try {
        if (held) {
          // Finish a cycle the client left half-sent, then undo its open transaction.
          await this.exec(SYNC, null);
          if (this.db.isInTransaction()) await this.exec(simpleQuery("ROLLBACK"), null);
        }
        // Stop listening on the channels only this client listened on.
        await this.syncListens();
      } finally {
        giveBack();
      }
    };
    socket.on("close", () => void onGone());
    socket.on("error", () => void onGone());
  }

  /**
   * Run one protocol message on PGlite and send its output to `client` (null: our own statements),
   * except notifications, which go to the clients that listen on their channel.
   */
  private async exec(message: Uint8Array, client: net.Socket | null): Promise<void> {
    let pending: Buffer = Buffer.alloc(0);
    await this.db.execProtocolRawStream(message, {
      onRawData: (data) => {
        // Chunks need not end on message boundaries: keep a partial message for the next chunk.
        pending = pending.length ? Buffer.concat([pending, data]) : Buffer.from(data);
        let start = 0; // first byte not yet written to the client
        let at = 0;
        while (pending.length - at >= 5) {
          const end = at + 1 + pending.readInt32BE(at + 1);
          if (end > pending.length) break;
          if (pending[at] === NOTIFICATION) {
            const notification = pending.subarray(at, end);
            if (client && at > start) write(client, pending.subarray(start, at));
            start = end;
            this.deliver(notification);
          }
          at = end;
        }
        if (client && at > start) write(client, pending.subarray(start, at));
        pending = pending.subarray(at);
      },
    });
    if (client && pending.length) write(client, pending);
  }

  /** Hand a NotificationResponse to every client listening on its channel. */
  private deliver(notification: Buffer): void {
    // 'A', int32 length, int32 sender pid, channel\0, payload\0
    const channel = notification.toString("utf8", 9, notification.indexOf(0, 9));
    for (const [socket, channels] of this.listens) if (channels.has(channel)) write(socket, notification);
  }

  /** Note the LISTEN/UNLISTEN statements of a client's Query or Parse message. */
  private trackListens(socket: net.Socket, msg: Buffer, type: "Q" | "P"): void {
    let sql: string;
    if (type === "Q") sql = msg.toString("utf8", 5, msg.length - 1);
    else {
      const nameEnd = msg.indexOf(0, 5); // Parse: statement name\0, query\0, …
      sql = msg.toString("utf8", nameEnd + 1, msg.indexOf(0, nameEnd + 1));
    }
    if (!/listen|discard/i.test(sql)) return; // the common case: nothing to parse
    for (const { command, channel } of listenStatements(sql)) {
      this.listensChanged = true;
      const channels = this.listens.get(socket);
      if (command === "listen") {
        if (channels) channels.add(channel);
        else this.listens.set(socket, new Set([channel]));
        this.pgliteListens.add(channel);
      } else if (channel === "*") {
        channels?.clear();
        this.pgliteListens.clear();
      } else {
        channels?.delete(channel);
        this.pgliteListens.delete(channel);
      }
    }
  }

  /**
   * Make PGlite LISTEN on exactly the channels some client listens on. Runs while holding the session,
   * between cycles and outside a transaction (a statement of ours inside a client's cycle would break it).
   */
  private async syncListens(): Promise<void> {
    if (!this.listensChanged) return;
    this.listensChanged = false;
    const wanted = new Set<string>();
    for (const channels of this.listens.values()) for (const c of channels) wanted.add(c);
    for (const channel of wanted) {
      if (this.pgliteListens.has(channel)) continue;
      await this.exec(simpleQuery(`LISTEN ${quoteIdent(channel)}`), null);
      this.pgliteListens.add(channel);
    }
    for (const channel of [...this.pgliteListens]) {
      if (wanted.has(channel)) continue;
      await this.exec(simpleQuery(`UNLISTEN ${quoteIdent(channel)}`), null);
      this.pgliteListens.delete(channel);
    }
  }
}

const NOTIFICATION = 0x41; // 'A'

function write(socket: net.Socket, data: Buffer): void {
  if (!socket.destroyed) socket.write(data);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The LISTEN, UNLISTEN and DISCARD ALL statements in a SQL text, channel names as PostgreSQL folds them
 * (`UNLISTEN *` and `DISCARD ALL` give channel "*"). Comments are skipped; a semicolon inside a string
 * literal could mislead the split, which is fine for the statements clients send.
 */
function listenStatements(sql: string): { command: "listen" | "unlisten"; channel: string }[] {
  const out: { command: "listen" | "unlisten"; channel: string }[] = [];
  const text = sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
  for (const statement of text.split(";")) {
    const m = /^\s*(listen|unlisten)\s+("(?:[^"]|"")+"|[^\s"]+)\s*$/i.exec(statement);
    if (m) {
      const raw = m[2] as string;
      const channel = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw.toLowerCase();
      out.push({ command: (m[1] as string).toLowerCase() as "listen" | "unlisten", channel });
    } else if (/^\s*discard\s+all\s*$/i.test(statement)) out.push({ command: "unlisten", channel: "*" });
  }
  return out;
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
