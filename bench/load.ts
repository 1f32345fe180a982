import { execFile } from "node:child_process";
import path from "node:path";

/** What a load run measured: operations, their rate, and each one's latency in ms. */
export interface Load {
  ops: number;
  perSec: number;
  latencies: number[];
  /** CPU the load generator spent per request (ms): on a small machine it competes with the server. */
  clientCpuMsPerOp?: number;
}

/** Run HTTP load from a separate process (bench/http-load.ts), so the client does not share the server's event loop. */
export function httpLoad(opts: {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Header sets added in turn, one per request (e.g. one API key per tenant). */
  rotate?: Record<string, string>[];
  body?: string;
  concurrency: number;
  seconds: number;
  expect: number;
}): Promise<Load> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(import.meta.dirname, "http-load.ts"), JSON.stringify(opts)],
      { maxBuffer: 256 * 1024 * 1024 },
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
    );
  });
}

/** The p-th percentile of the latencies. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
