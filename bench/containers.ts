/**
 * Containers (issue 11): the size of every image built from docker/Dockerfile, and cold starts — from
 * `docker run` to the api answering /readyz and to the notification-worker's health probe answering
 * /readyz (the endpoint of each image's HEALTHCHECK) — against the machine's PostgreSQL and Redis, on the
 * host network as apps/deploy-e2e runs them; beside the same apps started as plain processes from
 * dist/server (`node …/main.js`). The database is migrated first by the one-shot migrate image, so a cold
 * start measures the server's own start. Each start BENCH_REPEATS times; min and median.
 *
 *   node bench/containers.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                               BENCH_REDIS_URL, default redis://127.0.0.1:6379/12, must be empty: flushed at the end)
 *   BENCH_REPEATS=5 node bench/containers.ts
 * Also: BENCH_CONTEXT (the build context: "head" (default), the committed tree from `git archive HEAD`, so
 * uncommitted work in the tree cannot break or change the images; "." the working tree, as
 * apps/deploy-e2e builds it), BENCH_DOCKER_HEALTH=0 (skip waiting for Docker's own health status, which
 * its 10 s probe interval decides), BENCH_KEEP_IMAGES=1, DOCKER_BIN (as apps/deploy-e2e: /usr/bin/docker
 * when present, for its BuildKit). Writes bench/results/containers-<time>.json.
 */

import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { pct } from "./load.ts";
import {
  ensureBuilt,
  freePort,
  freshDatabase,
  machineLoad,
  ROOT,
  startProcess,
  untilOk,
  writeResults,
} from "./server.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/12";
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const CONTEXT = process.env.BENCH_CONTEXT ?? "head";
const DOCKER_HEALTH = process.env.BENCH_DOCKER_HEALTH !== "0";
const DOCKER = process.env.DOCKER_BIN ?? (fs.existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker");
const TAG = "uslimato-bench";
const TARGETS = ["tickets-api", "notification-worker", "migrate"] as const;
const BASE_IMAGE = "node:24-bookworm-slim";

const run = promisify(execFile);
const docker = async (...args: string[]) =>
  (
    await run(DOCKER, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DOCKER_BUILDKIT: "1" },
    })
  ).stdout;

/** `docker build --target` as apps/deploy-e2e does, on the working tree or on `git archive HEAD` (stdin). */
function build(target: string, image: string): Promise<void> {
  const args = ["build", "-q", "-f", "docker/Dockerfile", "--target", target, "-t", image];
  return new Promise((resolve, reject) => {
    const child = spawn(DOCKER, [...args, CONTEXT === "head" ? "-" : CONTEXT], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_BUILDKIT: "1" },
      stdio: ["pipe", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`docker build ${target}: ${err}`)),
    );
    if (CONTEXT === "head") {
      const archive = spawn("git", ["archive", "--format=tar", "HEAD"], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      });
      archive.stdout.pipe(child.stdin);
    } else child.stdin.end();
  });
}

const mb = (bytes: number) => bytes / 1e6;
/** docker history's sizes ("631B", "3.72kB", "158MB") in bytes. */
const bytesOf = (size: string) => {
  const m = /^([\d.]+)\s*([kMG]?)B$/i.exec(size.trim());
  return m ? Number(m[1]) * 1000 ** " kMG".indexOf((m[2] || " ").replace("K", "k")) : 0;
};
const f0 = (x: number) => x.toFixed(0);
const stats = (xs: number[]) => ({
  min: Math.min(...xs),
  median: pct(xs, 50),
  max: Math.max(...xs),
  all: xs,
});
const line = (xs: number[]) => {
  const s = stats(xs);
  return `min ${f0(s.min)} ms, median ${f0(s.median)} ms, max ${f0(s.max)} ms`;
};
const redis = (...args: string[]) =>
  run("redis-cli", ["-u", REDIS_URL, ...args]).then((r) => r.stdout.trim());

interface ContainerStart {
  /** `docker run -d` spawned → the CLI returned (container created and started). */
  runReturnedMs: number;
  /** `docker run -d` spawned → the first 200 of /readyz from the host. */
  readyMs: number;
  /** `docker run -d` spawned → Docker's HEALTHCHECK reports healthy (its first probe runs after 10 s). */
  dockerHealthyMs?: number;
  /** `docker stop` (SIGTERM, graceful shutdown) → exited. */
  stopMs: number;
}

async function main() {
  await ensureBuilt();
  const images = Object.fromEntries(TARGETS.map((t) => [t, `${TAG}/${t}`])) as Record<
    (typeof TARGETS)[number],
    string
  >;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    context: CONTEXT === "head" ? `git archive HEAD` : CONTEXT,
    commit: (await run("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT })).stdout.trim(),
    // The plain processes run dist/server, built from the working tree: server changes not committed.
    uncommittedServerChanges: (
      await run(
        "git",
        [
          "status",
          "--short",
          "--",
          "apps/tickets-api",
          "apps/notification-worker",
          "libs/server",
          "libs/domain",
        ],
        { cwd: ROOT },
      )
    ).stdout
      .split("\n")
      .filter(Boolean),
    repeats: REPEATS,
    docker: (await docker("version", "--format", "{{.Server.Version}}")).trim(),
    node: process.version,
    loadBefore: machineLoad(),
  };
  if ((await redis("dbsize")) !== "0") {
    throw new Error(`${REDIS_URL} is not empty: set BENCH_REDIS_URL to an unused Redis database`);
  }

  // 1. Build (with the layer cache: the time is informative only) and sizes.
  const builds: Record<string, number> = {};
  for (const target of TARGETS) {
    const t0 = performance.now();
    await build(target, images[target]);
    builds[target] = (performance.now() - t0) / 1000;
    console.log(`built ${images[target]} (--target ${target}) in ${builds[target].toFixed(1)} s`);
  }
  results.buildSeconds = builds;
  const size = async (image: string) =>
    Number((await docker("image", "inspect", "--format", "{{.Size}}", image)).trim());
  const base = await size(BASE_IMAGE);
  const history = async (image: string) =>
    (await docker("history", "--no-trunc", "--format", "{{.Size}}\t{{.CreatedBy}}", image))
      .trim()
      .split("\n");
  const baseLayers = (await history(BASE_IMAGE)).length;
  const sizes: Record<string, unknown> = { [BASE_IMAGE]: { bytes: base, mb: mb(base) } };
  console.log(`\nimage sizes (docker image inspect; the base ${BASE_IMAGE} is ${f0(mb(base))} MB):`);
  for (const target of TARGETS) {
    const bytes = await size(images[target]);
    // The layers this Dockerfile adds on the base, largest first.
    const lines = await history(images[target]);
    const layers = lines
      .slice(0, lines.length - baseLayers)
      .map((l) => {
        const [s = "", by = ""] = l.split("\t");
        return {
          size: s,
          bytes: bytesOf(s),
          step: by.replace(/^\/bin\/sh -c (#\(nop\) )?/, "").slice(0, 100),
        };
      })
      .filter((l) => l.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    sizes[target] = { bytes, mb: mb(bytes), aboveBaseMb: mb(bytes - base), layers };
    console.log(
      `  ${images[target]}: ${f0(mb(bytes))} MB (${f0(mb(bytes - base))} MB above the base); largest layers: ${layers
        .slice(0, 3)
        .map((l) => `${l.size} ${l.step.slice(0, 50)}`)
        .join("; ")}`,
    );
  }
  results.images = sizes;

  const db = await freshDatabase(ADMIN_URL, "usl_bench_containers");
  const env = { DATABASE_URL: db.url, REDIS_URL, LOG_LEVEL: "warn" };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
  const started: string[] = [];
  try {
    // 2. The one-shot migrate container on the empty database.
    const m0 = performance.now();
    const migrated = await docker("run", "--rm", "--network", "host", ...envArgs, images.migrate);
    results.migrateMs = performance.now() - m0;
    console.log(
      `\nmigrate container on an empty database: ${f0(results.migrateMs as number)} ms (${migrated.trim()})`,
    );

    // 3. Cold starts of the containers: `docker run -d` → /readyz 200 from the host.
    async function containerStart(
      target: "tickets-api" | "notification-worker",
      i: number,
    ): Promise<ContainerStart> {
      const port = await freePort();
      const portEnv = target === "tickets-api" ? `PORT=${port}` : `WORKER_HEALTH_PORT=${port}`;
      const name = `${TAG}-${target}-${process.pid}-${i}`;
      const t0 = performance.now();
      const runDone = docker(
        "run",
        "-d",
        "--name",
        name,
        "--network",
        "host",
        ...envArgs,
        "-e",
        portEnv,
        images[target],
      );
      started.push(name);
      let runReturnedMs = Number.NaN;
      const cli = runDone.then(() => {
        runReturnedMs = performance.now() - t0;
      });
      const ok = await untilOk(`http://127.0.0.1:${port}/readyz`, { timeoutMs: 120_000 });
      const readyMs = performance.now() - t0;
      await cli;
      if (!ok) throw new Error(`${name} not ready:\n${await docker("logs", name).catch(() => "")}`);
      let dockerHealthyMs: number | undefined;
      if (DOCKER_HEALTH) {
        while (performance.now() - t0 < 120_000) {
          if ((await docker("inspect", "--format", "{{.State.Health.Status}}", name)).trim() === "healthy") {
            dockerHealthyMs = performance.now() - t0;
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const s0 = performance.now();
      await docker("stop", name);
      const stopMs = performance.now() - s0;
      await docker("rm", name);
      started.splice(started.indexOf(name), 1);
      return {
        runReturnedMs,
        readyMs,
        ...(dockerHealthyMs === undefined ? {} : { dockerHealthyMs }),
        stopMs,
      };
    }

    const cold: Record<string, unknown> = {};
    for (const target of ["tickets-api", "notification-worker"] as const) {
      const container: ContainerStart[] = [];
      const plain: number[] = [];
      // Alternate container and plain process, so both see the same machine.
      for (let i = 0; i < REPEATS; i++) {
        container.push(await containerStart(target, i));
        const p = await startProcess(target, { ...env, DATABASE_MIGRATE: "off" });
        plain.push(p.readyMs);
        await p.stop();
      }
      const readies = container.map((c) => c.readyMs);
      cold[target] = {
        container: {
          readyMs: stats(readies),
          runReturnedMs: stats(container.map((c) => c.runReturnedMs)),
          ...(DOCKER_HEALTH
            ? { dockerHealthyMs: stats(container.map((c) => c.dockerHealthyMs ?? Number.NaN)) }
            : {}),
          stopMs: stats(container.map((c) => c.stopMs)),
        },
        plainProcessReadyMs: stats(plain),
        loadavg: machineLoad().loadavg,
      };
      console.log(`\n${target} cold start, ${REPEATS} times (load ${machineLoad().loadavg.join(" ")}):`);
      console.log(`  container, docker run → /readyz 200: ${line(readies)}`);
      console.log(
        `    of which the docker CLI's create + start (docker run -d returned): ${line(container.map((c) => c.runReturnedMs))}`,
      );
      if (DOCKER_HEALTH)
        console.log(
          `    docker run → Docker's health status "healthy" (HEALTHCHECK, first probe after its 10 s interval): ${line(container.map((c) => c.dockerHealthyMs ?? Number.NaN))}`,
        );
      console.log(`    docker stop (SIGTERM → exited): ${line(container.map((c) => c.stopMs))}`);
      console.log(`  plain process, node main.js → /readyz 200: ${line(plain)}`);
    }
    results.coldStart = cold;
  } finally {
    for (const name of started) await docker("rm", "-f", name).catch(() => {});
    await db.drop();
    await redis("flushdb").catch(() => {});
    if (process.env.BENCH_KEEP_IMAGES !== "1")
      for (const image of Object.values(images)) await docker("rmi", image).catch(() => {});
  }
  results.loadAfter = machineLoad();
  console.log(`wrote ${writeResults("containers", results)}`);
}

await main();
