// `npm start`: the api AND the notification worker on one machine, nothing else needed. The api starts
// first (it opens the embedded database, or DATABASE_URL, and applies migrations); once it listens, the
// worker starts beside it and reaches the same database (the embedded one through its socket in
// DATA_DIR). Without REDIS_URL BullMQ runs on its PostgreSQL backend in that database. SIGINT/SIGTERM
// are passed to both in turn (each finishes its work in flight); if either dies, the other is stopped
// and the launcher exits with its code.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const API = path.join(root, "dist/server/apps/tickets-api/src/main.js");
const WORKER = path.join(root, "dist/server/apps/notification-worker/src/main.js");
const port = Number(process.env.PORT || 3000);

// The worker first, then the api: in embedded mode the api serves the database the worker is still
// using while it finishes its jobs in flight.
const children = [];
let stopping = false;
let exitCode = 0;

function run(name, entry) {
  // Own process group: a Ctrl-C in the terminal reaches the launcher only, which stops them in order.
  const child = spawn(process.execPath, [entry], { stdio: "inherit", env: process.env, detached: true });
  children.unshift(child); // the newest (the worker) is stopped first
  child.on("exit", (code, signal) => {
    children.splice(children.indexOf(child), 1);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}): stopping`);
      stop("SIGTERM", code ?? 1);
    } else next();
  });
  return child;
}

let signalToSend = "SIGTERM";
function next() {
  const child = children[0];
  if (child) child.kill(signalToSend);
  else process.exit(exitCode);
}

function stop(signal, code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  signalToSend = signal;
  next();
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

/** The api listens once its port accepts a request (its /healthz). */
async function listening() {
  const deadline = Date.now() + 120_000;
  while (!stopping && Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status < 500) return true;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

run("tickets-api", API);
if (await listening()) run("notification-worker", WORKER);
else stop("SIGTERM", 1);
