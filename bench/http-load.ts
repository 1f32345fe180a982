/**
 * HTTP load generator, run as its own process so that the client's work (undici, parsing) does not
 * share the server's event loop: the server side is measured as a separate client would see it.
 * Input: one JSON argument { url, method, headers, body?, concurrency, seconds, expect }.
 * Output: one JSON line { ops, perSec, latencies: number[] (ms) }.
 */
const opts = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  concurrency: number;
  seconds: number;
  expect: number;
};
const latencies: number[] = [];
const end = Date.now() + opts.seconds * 1000;
await Promise.all(
  Array.from({ length: opts.concurrency }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await fetch(opts.url, {
        method: opts.method,
        headers: opts.headers,
        body: opts.body ?? null,
      });
      await res.arrayBuffer();
      if (res.status !== opts.expect) throw new Error(`${opts.method} ${opts.url} → ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  }),
);
process.stdout.write(
  `${JSON.stringify({ ops: latencies.length, perSec: latencies.length / opts.seconds, latencies })}\n`,
);
