/**
 * BENCH_PROFILE=<dir>: a CPU profile of this process (the in-process server) during one HTTP
 * measurement, written as <dir>/<name>.cpuprofile (open it in Chrome DevTools or speedscope), and the
 * functions and packages with the most self time printed. The load generator is another process, so
 * what is profiled is the server, its pg driver and whatever else runs on its event loop.
 */

import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

const DIR = process.env.BENCH_PROFILE;
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

let session: Session | null = null;

export async function startProfile(name: string, enabled = true): Promise<{ stop(): Promise<void> }> {
  if (!DIR || !enabled) return { stop: async () => {} };
  if (!session) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 250 });
  }
  const s = session;
  await s.post("Profiler.start");
  return {
    async stop() {
      const { profile } = (await s.post("Profiler.stop")) as unknown as { profile: Profile };
      fs.mkdirSync(DIR, { recursive: true });
      const file = path.join(DIR, `${name}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`profile ${file}\n${summary(profile)}`);
    },
  };
}

/** Self time by function and by package, in % of the sampled time. */
function summary(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { callFrame } = byId.get(id) as ProfileNode;
    const where = place(callFrame.url);
    const fn = `${callFrame.functionName || "(anonymous)"} ${where}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ""}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
    const pkg = packageOf(callFrame.url) || callFrame.functionName;
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  return `self time by package (${(total / 1000).toFixed(1)} s sampled):\n${top(pkgs, 15)}\nself time by function:\n${top(fns, TOP)}`;
}

/** "pg", "@nestjs/core", "libs/server/tickets", "node:internal" for a script URL. */
function packageOf(url: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return nm[1] as string;
  const dist = /dist\/server\/((?:libs\/server|apps|libs)\/[^/]+)\//.exec(url);
  if (dist) return dist[1] as string;
  return url.startsWith("node:") ? "node:internal" : place(url);
}

/** The file of a script URL, shortened: "pg/lib/client.js", "libs/server/tickets/src/…". */
function place(url: string): string {
  if (!url) return "";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (nm) return `${nm[1]}/${nm[2]}`;
  const dist = /dist\/server\/(.*)$/.exec(url);
  if (dist) return dist[1] as string;
  return url.replace(/^file:\/\/.*\/bench\//, "bench/");
}
