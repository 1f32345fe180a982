/**
 * HTTP load generator, run as its own process so that the client's work does not share the server's
 * event loop: the server side is measured as a separate client would see it.
 * Input: one JSON argument { url, method, headers, rotate?, body?, concurrency, seconds, expect }; with
 * `rotate` (a list of header sets, e.g. one API key per tenant) each request adds the next set in turn.
 * Output: one JSON line { ops, perSec, latencies: number[] (ms), clientCpuMsPerOp }.
 *
 * The client is node:http with one keep-alive connection per concurrent request: on a 2-core machine the
 * load generator shares the cores with the server and PostgreSQL, and fetch() (undici's WHATWG layer)
 * costs several times node:http's CPU per request. BENCH_CLIENT=fetch uses fetch() instead.
 */
import http from "node:http";

const opts = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  method: string;
  headers: Record<string, string>;
  rotate?: Record<string, string>[];
  body?: string;
  concurrency: number;
  seconds: number;
  expect: number;
};
let sent = 0;
const headersOf = (): Record<string, string> =>
  opts.rotate?.length ? { ...opts.headers, ...opts.rotate[sent++ % opts.rotate.length] } : opts.headers;
const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });

function viaHttp(): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = body ? { ...headersOf(), "content-length": String(body.length) } : headersOf();
    const req = http.request(opts.url, { method: opts.method, headers, agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function viaFetch(): Promise<number> {
  const res = await fetch(opts.url, { method: opts.method, headers: headersOf(), body: opts.body ?? null });
  await res.arrayBuffer();
  return res.status;
}

const send = process.env.BENCH_CLIENT === "fetch" ? viaFetch : viaHttp;
const latencies: number[] = [];
const cpu = process.cpuUsage();
const end = Date.now() + opts.seconds * 1000;
await Promise.all(
  Array.from({ length: opts.concurrency }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const status = await send();
      if (status !== opts.expect) throw new Error(`${opts.method} ${opts.url} → ${status}`);
      latencies.push(performance.now() - t0);
    }
  }),
);
const used = process.cpuUsage(cpu);
agent.destroy();
process.stdout.write(
  `${JSON.stringify({
    ops: latencies.length,
    perSec: latencies.length / opts.seconds,
    latencies,
    clientCpuMsPerOp: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
  })}\n`,
);
