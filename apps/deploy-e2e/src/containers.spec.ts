import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { freePort, PASSWORD, SmtpSink } from "@uslimato/server-testing";
import pg from "pg";

// The multi-container deployment (issue 11): the images from docker/Dockerfile, a one-shot migrate,
// tickets-api × 2 and notification-worker × 2 on the machine's PostgreSQL and Redis (host network: no
// image registry here for theirs), mail to an SMTP server in this test. Needs Docker
// (`npm run test:containers`, which npm test runs when a Docker engine answers).
jest.setTimeout(30 * 60_000);

const ROOT = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);
// Debian's docker client has BuildKit (a newer one elsewhere on PATH may not).
const DOCKER = process.env.DOCKER_BIN ?? (fs.existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker");
const docker = async (...args: string[]) =>
  (
    await run(DOCKER, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DOCKER_BUILDKIT: "1" },
    })
  ).stdout;

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUN = `usl${process.pid}`;
const TAG = `uslimato-test-${RUN}`;
const IMAGES = { api: `${TAG}/tickets-api`, worker: `${TAG}/notification-worker`, migrate: `${TAG}/migrate` };

describe("a deployment of api × 2 and worker × 2 containers", () => {
  const database = `usl_containers_${process.pid}`;
  const databaseUrl = (() => {
    const u = new URL(ADMIN_URL);
    u.pathname = `/${database}`;
    return u.toString();
  })();
  // A Redis database of its own, emptied first: the containers' queues do not meet other tests' jobs.
  const redisUrl = `${process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"}/9`;
  // Mail to the containers' SMTP_URL; it keeps listening for the socket errors of the worker killed
  // mid-conversation (ECONNRESET), which would otherwise fail the suite.
  const smtp = new SmtpSink();
  const apiPorts: number[] = [];
  const containers: string[] = [];

  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  const env = () => [
    "-e",
    `DATABASE_URL=${databaseUrl}`,
    "-e",
    `REDIS_URL=${redisUrl}`,
    "-e",
    `SMTP_URL=${smtp.url}`,
    "-e",
    "LOG_LEVEL=warn",
  ];
  const uslimato = (...args: string[]) =>
    docker("run", "--rm", "--network", "host", ...env(), IMAGES.migrate, "node", "bin/uslimato.js", ...args);

  async function start(name: string, image: string, extra: string[]) {
    const id = (
      await docker("run", "-d", "--name", `${RUN}-${name}`, "--network", "host", ...env(), ...extra, image)
    ).trim();
    containers.push(id);
    return id;
  }

  async function healthy(id: string) {
    for (let i = 0; i < 120; i++) {
      const status = (await docker("inspect", "--format", "{{.State.Health.Status}}", id)).trim();
      if (status === "healthy") return;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error(`container ${id} did not become healthy:\n${await docker("logs", id).catch(() => "")}`);
  }

  beforeAll(async () => {
    for (const [target, image] of [
      ["tickets-api", IMAGES.api],
      ["notification-worker", IMAGES.worker],
      ["migrate", IMAGES.migrate],
    ] as const) {
      await docker("build", "-q", "-f", "docker/Dockerfile", "--target", target, "-t", image, ".");
    }
    await smtp.start();
    await admin(`create database ${database}`);
    await run("redis-cli", ["-u", redisUrl, "flushdb"]);

    assert.match(await uslimato("migrate"), /^migrations: applied/);
    for (const n of [1, 2]) {
      const port = await freePort();
      apiPorts.push(port);
      await start(`api-${n}`, IMAGES.api, ["-e", `PORT=${port}`]);
      await start(`worker-${n}`, IMAGES.worker, ["-e", `WORKER_HEALTH_PORT=${await freePort()}`]);
    }
    await Promise.all(containers.map(healthy));
  });

  afterAll(async () => {
    for (const id of containers) await docker("rm", "-f", id).catch(() => {});
    await smtp.stop();
    await admin(`drop database if exists ${database} with (force)`).catch(() => {});
    for (const image of Object.values(IMAGES)) await docker("rmi", image).catch(() => {});
  });

  test("health, sign-in, 200 tickets through both api containers gapless, each mail once, a worker killed mid-run loses nothing", async () => {
    await uslimato(
      "tenant",
      "create",
      "--slug",
      "acme",
      "--name",
      "Acme",
      "--admin-email",
      "admin@acme.test",
      "--admin-password",
      PASSWORD,
    );
    await uslimato("license", "activate", "--tenant", "acme");
    await uslimato(
      "user",
      "create",
      "--tenant",
      "acme",
      "--email",
      "agent@acme.test",
      "--name",
      "Agent",
      "--password",
      PASSWORD,
      "--group",
      "ITSM Agent",
    );
    await uslimato(
      "user",
      "create",
      "--tenant",
      "acme",
      "--email",
      "queue@acme.test",
      "--name",
      "Queue",
      "--password",
      PASSWORD,
      "--group",
      "ITSM Agent",
    );
    await uslimato(
      "user",
      "create",
      "--tenant",
      "acme",
      "--email",
      "reporter@acme.test",
      "--name",
      "Reporter",
      "--password",
      PASSWORD,
    );

    for (const port of apiPorts) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      assert.equal(ready.status, 200);
    }
    const signIn = await fetch(`http://127.0.0.1:${apiPorts[0]}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "agent@acme.test", password: PASSWORD }),
    });
    assert.equal(signIn.status, 200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { "content-type": "application/json", cookie, "x-csrf-token": csrfToken };
    const people = (await (
      await fetch(`http://127.0.0.1:${apiPorts[1]}/api/tickets/people?q=reporter`, { headers })
    ).json()) as {
      id: string;
      email: string;
    }[];
    const reporterId = people.find((p) => p.email === "reporter@acme.test")?.id;
    assert.ok(reporterId, "the reporter is found through the second api container");

    // 200 tickets filed for the reporter, 16 at a time, alternating containers; a worker dies midway.
    const numbers: string[] = [];
    let next = 0;
    let killed = false;
    const client = async () => {
      while (next < 200) {
        const i = next++;
        if (i === 100 && !killed) {
          killed = true;
          await docker("kill", "-s", "KILL", `${RUN}-worker-1`);
        }
        const res = await fetch(`http://127.0.0.1:${apiPorts[i % 2]}/api/tickets`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            title: `Container ${i}`,
            description: "",
            type: "incident",
            reporter_id: reporterId,
          }),
        });
        assert.equal(res.status, 201, await res.clone().text());
        numbers.push(((await res.json()) as { number: string }).number);
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    const sorted = numbers.map((n) => Number(n.split("-")[1])).sort((a, b) => a - b);
    assert.deepEqual(
      sorted,
      Array.from({ length: 200 }, (_, i) => i + 1),
      "gapless, no number twice",
    );

    // ticket.created: the reporter and the agent queue minus the actor (the agent) = reporter + queue.
    const expected = new Set(numbers.flatMap((n) => [`${n} reporter@acme.test`, `${n} queue@acme.test`]));
    const deadline = Date.now() + 5 * 60_000; // a killed worker's jobs come back after their lock expires
    const ticket = (subject: string) => /[A-Z][A-Z0-9]+-\d{6,}/.exec(subject)?.[0];
    const received = () =>
      smtp.received.flatMap((m) => m.envelopeTo.map((to) => `${ticket(m.subject)} ${to}`));
    while (Date.now() < deadline && new Set(received()).size < expected.size) {
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 3000)); // any duplicate would arrive now
    const got = received();
    const missing = [...expected].filter((k) => !got.includes(k));
    assert.deepEqual(missing, [], "every mail arrived");
    // SMTP cannot be exactly-once across a kill -9: a mail whose 250 came just before the kill, but
    // whose delivery record did not commit, is sent again by the job's retry. It must be the SAME
    // message (one Message-ID per delivery, which mail systems collapse), and only mails that were in
    // flight at the kill may come twice (at most WORKER_CONCURRENCY jobs × 2 recipients).
    const ids = new Map<string, Set<string>>();
    for (const m of smtp.received)
      for (const to of m.envelopeTo) {
        const key = `${ticket(m.subject)} ${to}`;
        ids.set(key, (ids.get(key) ?? new Set()).add(m.messageId));
      }
    assert.deepEqual(
      [...ids].filter(([, set]) => set.size !== 1).map(([key]) => key),
      [],
      "every mail is one message (one Message-ID), re-sends included",
    );
    const twice = got.filter((k, i) => got.indexOf(k) !== i);
    console.log(
      `${got.length} mails received for ${expected.size} deliveries; ${twice.length} re-sent after the kill`,
    );
    assert.ok(twice.length <= 16, `${twice.length} re-sent mails: more than were in flight at the kill`);
  });
});
