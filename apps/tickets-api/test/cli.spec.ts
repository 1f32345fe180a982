import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { lockHolder, startEmbeddedHost } from "@uslimato/server-data";
import { openTestDatabase, PASSWORD, snapshot, TEST_DB, type TestDatabase } from "./helpers.ts";
import { HttpClient, runCli, startServer } from "./processes.ts";

// Every command is a child process (and some tests start the built server): far beyond jest's 5 s.
jest.setTimeout(180_000);

/** Run the CLI and expect success: exit 0, nothing on stderr. */
async function ok(args: string[], env: Record<string, string>): Promise<string> {
  const res = await runCli(args, env);
  assert.equal(res.code, 0, `uslimato ${args.join(" ")} → ${res.code}\n${res.stderr}${res.stdout}`);
  assert.equal(res.stderr, "");
  return res.stdout;
}

/** Run the CLI and expect a refusal: exit `code`, nothing on stdout, exactly one line `error: …` on stderr. */
async function refused(args: string[], env: Record<string, string>, code: number, message: RegExp) {
  const res = await runCli(args, env);
  const what = `uslimato ${args.join(" ")}`;
  assert.equal(res.code, code, `${what} → ${res.code}\n${res.stderr}`);
  assert.equal(res.stdout, "", `${what} prints nothing on stdout`);
  assert.match(
    res.stderr,
    /^error: [^\n]+\n$/,
    `${what}: one line on stderr, got ${JSON.stringify(res.stderr)}`,
  );
  assert.match(res.stderr, message, what);
}

const tenantCreate = (slug: string, email: string) => [
  "tenant",
  "create",
  "--slug",
  slug,
  "--name",
  `Tenant ${slug}`,
  "--admin-email",
  email,
  "--admin-password",
  PASSWORD,
];

describe("operator CLI (npx uslimato) against the test database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t?.close());

  const groupsOf = async (email: string) =>
    (
      (await t.database.dataSource.query(
        `select g.name from users u
         join group_members gm on gm.tenant_id = u.tenant_id and gm.user_id = u.id
         join groups g on g.tenant_id = gm.tenant_id and g.id = gm.group_id
         where u.email = $1 order by g.name`,
        [email],
      )) as { name: string }[]
    ).map((r) => r.name);

  test("tenant create, license activate/show/deactivate, group create, user create --group, quota check", async () => {
    const env = t.env;
    assert.match(
      await ok(
        [
          "tenant",
          "create",
          "--slug",
          "acme",
          "--name",
          "Acme Ltd",
          "--admin-email",
          "a@acme.test",
          "--admin-password",
          PASSWORD,
        ],
        env,
      ),
      /^created tenant acme \([0-9a-f-]{36}\)\n$/,
    );
    assert.deepEqual(await groupsOf("a@acme.test"), ["Administrators"]);

    const activated = await ok(
      [
        "license",
        "activate",
        "--tenant",
        "acme",
        "--flags",
        "agent_portal,end_user_portal",
        "--max-agents",
        "2",
      ],
      env,
    );
    assert.match(activated, /active: yes/);
    assert.match(activated, /flags: agent_portal,end_user_portal/);
    assert.match(activated, /max_agents: 2/);
    assert.match(activated, /max_emails_month: 10000/);
    assert.match(activated, /api_rate_limit: 600/);

    await ok(
      ["group", "create", "--tenant", "acme", "--name", "Reporters", "--permissions", "tickets:create"],
      env,
    );
    const user = ["user", "create", "--tenant", "acme", "--name", "Agent", "--password", PASSWORD];
    await ok([...user, "--email", "agent1@acme.test", "--group", "ITSM Agent", "--group", "Reporters"], env);
    assert.deepEqual(await groupsOf("agent1@acme.test"), ["ITSM Agent", "Reporters"]);
    await ok([...user, "--email", "agent2@acme.test", "--group", "ITSM Agent"], env);

    const shown = await ok(["license", "show", "--tenant", "acme"], env);
    assert.match(shown, /tenant: acme\nactive: yes\n/);
    assert.match(shown, /agents: 2\n/);
    assert.match(shown, /emails_this_month: 0\n/);

    // Running activate again updates; lowering the quota below the agents in use is the operator's call,
    // and the quota check then raises one alert, once.
    assert.match(
      await ok(["license", "activate", "--tenant", "acme", "--max-agents", "1"], env),
      /max_agents: 1/,
    );
    assert.equal(await ok(["quota", "check"], env), "quota check done: 1 new alert(s)\n");
    assert.equal(await ok(["quota", "check"], env), "quota check done: 0 new alert(s)\n");

    assert.match(await ok(["license", "deactivate", "--tenant", "acme"], env), /active: no/);
    const after = await ok(["license", "show", "--tenant", "acme"], env);
    assert.match(after, /active: no/);
    assert.match(after, /max_agents: 1/, "deactivation keeps the license's settings");
    assert.deepEqual(await groupsOf("agent1@acme.test"), ["ITSM Agent", "Reporters"], "and the data");
    const rows = await t.database.dataSource.query(
      "select count(*)::int as n from groups where system_key = 'itsm_agent'",
    );
    assert.equal(rows[0].n, 1, "one ITSM Agent group however often the license is activated");

    assert.match(await ok(["--help"], env), /^Usage: uslimato <command>/);
  });

  test("the other options: --admin-name, --flags all, --max-emails-month, --api-rate-limit; license show without a license", async () => {
    const env = t.env;
    await ok([...tenantCreate("options", "a@options.test"), "--admin-name", "Ada Admin"], env);
    const admin = await t.database.dataSource.query("select name from users where email = $1", [
      "a@options.test",
    ]);
    assert.equal(admin[0].name, "Ada Admin");
    // No license yet: said so, with the usage lines.
    assert.equal(
      await ok(["license", "show", "--tenant", "options"], env),
      "options: no ITSM license\nagents: 0\nemails_this_month: 0\n",
    );
    const activated = await ok(
      [
        "license",
        "activate",
        "--tenant",
        "options",
        "--flags",
        "all",
        "--max-emails-month",
        "250",
        "--api-rate-limit",
        "30",
      ],
      env,
    );
    assert.equal(
      activated,
      `tenant: options\nactive: yes\nflags: ${FEATURE_FLAGS.join(",")}\nmax_agents: 10\n` +
        "max_emails_month: 250\napi_rate_limit: 30\n",
    );
    // Updating one setting keeps the others.
    assert.match(
      await ok(["license", "activate", "--tenant", "options", "--max-agents", "3"], env),
      new RegExp(
        `flags: ${FEATURE_FLAGS.join(",")}\nmax_agents: 3\nmax_emails_month: 250\napi_rate_limit: 30\n$`,
      ),
    );
  });

  test("apikey create prints the key once, alone on the last line, stored with its name, scopes and expiry", async () => {
    const env = t.env;
    await ok(tenantCreate("keys", "a@keys.test"), env);
    const out = await ok(
      [
        "apikey",
        "create",
        "--tenant",
        "keys",
        "--owner",
        "A@keys.test",
        "--scopes",
        "tickets:read,tickets:write",
        "--name",
        "Monitoring",
        "--expires",
        "2099-01-31",
      ],
      env,
    );
    const lines = out.trimEnd().split("\n");
    const secret = lines.at(-1) as string;
    assert.match(secret, /^usk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    assert.match(
      lines[0] as string,
      /^created API key "Monitoring" \([0-9a-f-]{36}\) acting as a@keys\.test, scopes tickets:read,tickets:write, expires 2099-01-31T00:00:00\.000Z$/,
    );
    assert.equal(lines.at(-2), "the key is shown once; store it now:");
    assert.equal(out.split(secret).length, 2, "the secret is printed once");
    const keys = await t.database.dataSource.query(
      "select k.name, k.scopes, k.expires_at, k.secret_hint, u.email from api_keys k join users u on u.id = k.owner_id",
    );
    assert.equal(keys.length, 1);
    assert.equal(keys[0].name, "Monitoring");
    assert.deepEqual(keys[0].scopes, ["tickets:read", "tickets:write"]);
    assert.equal(new Date(keys[0].expires_at).toISOString(), "2099-01-31T00:00:00.000Z");
    assert.equal(keys[0].secret_hint, secret.slice(-4));
    assert.equal(keys[0].email, "a@keys.test");

    // Without --name and --expires: a default name and no expiry.
    const plain = await ok(
      ["apikey", "create", "--tenant", "keys", "--owner", "a@keys.test", "--scopes", "tickets:read"],
      env,
    );
    assert.match(
      plain,
      /^created API key "Key for a@keys\.test" \([0-9a-f-]{36}\) acting as a@keys\.test, scopes tickets:read\n/,
    );
    assert.doesNotMatch(plain, /expires/);
  });

  test("bad input: one line 'error: …' on stderr, a non-zero exit, and nothing changes", async () => {
    const env = t.env;
    await ok(
      [
        "tenant",
        "create",
        "--slug",
        "bad-inputs",
        "--name",
        "B",
        "--admin-email",
        "a@b.test",
        "--admin-password",
        PASSWORD,
      ],
      env,
    );
    await ok(["license", "activate", "--tenant", "bad-inputs", "--max-agents", "1"], env);
    const user = ["user", "create", "--tenant", "bad-inputs", "--name", "U", "--password", PASSWORD];
    await ok([...user, "--email", "agent@b.test", "--group", "ITSM Agent"], env);

    const tenant = [
      "tenant",
      "create",
      "--name",
      "X",
      "--admin-email",
      "x@x.test",
      "--admin-password",
      PASSWORD,
    ];
    const apikey = ["apikey", "create", "--tenant", "bad-inputs"];
    const cases: [string[], RegExp][] = [
      [[...tenant, "--slug", "bad-inputs"], /already exists/],
      [[...tenant, "--slug", "Bad Slug"], /slug/],
      [
        [
          "tenant",
          "create",
          "--slug",
          "fresh",
          "--name",
          "X",
          "--admin-email",
          "x@x.test",
          "--admin-password",
          "short",
        ],
        /at least 10/,
      ],
      [["tenant", "create", "--slug", "fresh"], /--name is required/],
      [["license", "activate", "--tenant", "no-such-tenant"], /"no-such-tenant" does not exist/],
      [["license", "activate", "--tenant", "bad-inputs", "--flags", "agent_portal,teleport"], /teleport/],
      [["license", "activate", "--tenant", "bad-inputs", "--max-agents", "lots"], /--max-agents/],
      [["license", "activate", "--tenant", "bad-inputs", "--max-agents", "-3"], /max-agents/],
      [["license", "show"], /--tenant is required/],
      [
        ["group", "create", "--tenant", "bad-inputs", "--name", "G", "--permissions", "tickets:destroy"],
        /tickets:destroy/,
      ],
      [
        ["group", "create", "--tenant", "bad-inputs", "--name", "ITSM Agent", "--permissions", "assets:read"],
        /already exists/,
      ],
      [[...user, "--email", "not-an-email"], /not a valid email/],
      [[...user, "--email", "new@b.test", "--group", "No Such Group"], /No Such Group/],
      [[...user, "--email", "agent@b.test"], /already exists/],
      // The (max_agents+1)-th agent.
      [[...user, "--email", "agent2@b.test", "--group", "ITSM Agent"], /allows 1/],
      [[...apikey, "--owner", "ghost@b.test", "--scopes", "tickets:read"], /owner/],
      [[...apikey, "--owner", "a@b.test", "--scopes", "tickets:fly"], /tickets:fly/],
      [[...apikey, "--owner", "a@b.test", "--scopes", "tickets:read", "--expires", "soon"], /--expires/],
      [[...apikey, "--owner", "a@b.test"], /--scopes is required/],
      [["frobnicate", "now"], /Unknown command "frobnicate now"/],
      [["tenant", "create", "--bogus", "x"], /bogus/],
    ];
    const tables = [
      "tenants",
      "users",
      "groups",
      "group_members",
      "group_permissions",
      "itsm_licenses",
      "api_keys",
    ];
    const before = await snapshot(t, tables);
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(
        cases.slice(i, i + 4).map(async ([args, message]) => {
          const res = await runCli(args, env);
          const what = `uslimato ${args.join(" ")}`;
          assert.notEqual(res.code, 0, `${what} must fail`);
          assert.equal(res.stdout, "", `${what} prints nothing on stdout`);
          assert.match(
            res.stderr,
            /^error: [^\n]+\n$/,
            `${what}: exactly one line on stderr, got ${JSON.stringify(res.stderr)}`,
          );
          assert.match(res.stderr, message, what);
        }),
      );
    }
    assert.deepEqual(await snapshot(t, tables), before, "refused commands changed nothing");
  });

  test("the CLI leaves Redis alone: REDIS_URL (the servers' rate limits) is not connected to", async () => {
    // A stand-in Redis that only counts connections (the old CLI never connected; a CLI that starts the
    // Public API's rate limiter would, and would wait 3 s for an unreachable one).
    let connections = 0;
    const redis = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => redis.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = redis.address() as net.AddressInfo;
      const env = { ...t.env, REDIS_URL: `redis://127.0.0.1:${port}` };
      await ok(tenantCreate("no-redis", "a@no-redis.test"), env);
      await ok(["license", "show", "--tenant", "no-redis"], env);
      await ok(
        [
          "apikey",
          "create",
          "--tenant",
          "no-redis",
          "--owner",
          "a@no-redis.test",
          "--scopes",
          "tickets:read",
        ],
        env,
      );
      assert.equal(connections, 0);
    } finally {
      await new Promise((resolve) => redis.close(resolve));
    }
  });

  test("exit codes: 0 on success and --help, 1 when the command refuses, 2 when the command line does not parse", async () => {
    const env = t.env;
    for (const help of ["--help", "-h"]) {
      const res = await runCli([help], env);
      assert.equal(res.code, 0);
      assert.equal(res.stderr, "");
      for (const command of ["tenant create", "license activate", "license deactivate", "license show"])
        assert.ok(res.stdout.includes(`  ${command} `), `${help} lists ${command}`);
      for (const command of ["group create", "user create", "apikey create", "quota check"])
        assert.ok(res.stdout.includes(`  ${command}`), `${help} lists ${command}`);
    }
    // No command: the usage on stderr, nothing done.
    const none = await runCli([], env);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, "");
    assert.match(none.stderr, /^Usage: uslimato <command>/);

    await refused(["license", "show", "--tenant", "nobody"], env, 1, /"nobody" does not exist/);
    await refused(["tenant"], env, 1, /Unknown command "tenant"/);
    await refused(["tenant", "create", "--bogus", "x"], env, 2, /bogus/);
    await refused(["license", "show", "--tenant"], env, 2, /--tenant/);
  });
});

describe("migrations as a one-shot command (DATABASE_MIGRATE=off, containers)", () => {
  /** An empty database of the test's kind: a new data dir, or a new database on the PostgreSQL server. */
  async function emptyDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-mig-"));
    if (TEST_DB !== "postgres") {
      return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    }
    const admin = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
    const name = `usl_test_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const pg = (await import("pg")).default;
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await run(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      env: { DATA_DIR: dir, DATABASE_URL: url.toString() },
      async drop() {
        await run(`drop database if exists ${name} with (force)`);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  test("with DATABASE_MIGRATE=off a command refuses a database with pending migrations; `migrate` applies them once", async () => {
    const db = await emptyDatabase();
    try {
      const env = { ...db.env, DATABASE_MIGRATE: "off" };
      await refused(["license", "show", "--tenant", "nobody"], env, 1, /run "uslimato migrate" first/);
      const first = await ok(["migrate"], env);
      assert.match(first, /^migrations: applied \d+ \(/);
      assert.equal(await ok(["migrate"], env), "migrations: the database is up to date\n");
      // Now the schema is there: the same command runs and answers about the tenant.
      await refused(["license", "show", "--tenant", "nobody"], env, 1, /nobody/);
    } finally {
      await db.drop();
    }
  });
});

describe("the CLI and a running server share one database", () => {
  const dirs: string[] = [];
  const tmpDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-cli-"));
    dirs.push(dir);
    return dir;
  };
  let t: TestDatabase | undefined;
  afterAll(async () => {
    await t?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Embedded: a data directory on disk (the server opens the files); PostgreSQL: the test database. */
  async function environment(): Promise<Record<string, string>> {
    if (TEST_DB === "postgres") {
      t ??= await openTestDatabase();
      return t.env;
    }
    return { DATA_DIR: tmpDir(), DATABASE_URL: "" };
  }

  test("the CLI works while the server process holds the database, and the server sees its changes at once", async () => {
    const env = await environment();
    const server = await startServer(env);
    try {
      await ok(
        [
          "tenant",
          "create",
          "--slug",
          "live",
          "--name",
          "Live",
          "--admin-email",
          "a@live.test",
          "--admin-password",
          PASSWORD,
        ],
        env,
      );
      if (TEST_DB === "embedded") {
        assert.deepEqual(lockHolder(env.DATA_DIR as string), { pid: server.child.pid, kind: "shared" });
      }
      const admin = new HttpClient(server.url);
      await admin.signIn("a@live.test", PASSWORD);
      assert.equal((await admin.request("GET", "/api/session")).json.itsmLicensed, false);
      await ok(["license", "activate", "--tenant", "live"], env);
      assert.equal((await admin.request("GET", "/api/session")).json.itsmLicensed, true);
      await ok(
        [
          "user",
          "create",
          "--tenant",
          "live",
          "--email",
          "u@live.test",
          "--name",
          "U",
          "--password",
          PASSWORD,
        ],
        env,
      );
      const users = (await admin.request("GET", "/api/users")).json as { email: string }[];
      assert.deepEqual(users.map((u) => u.email).sort(), ["a@live.test", "u@live.test"]);
    } finally {
      assert.equal(await server.stop(), 0, server.output());
    }
  });

  (TEST_DB === "postgres" ? test.skip : test)(
    "embedded: with no server the CLI opens the files itself; a server started meanwhile waits for it, then serves",
    async () => {
      const env = await environment();
      const dir = env.DATA_DIR as string;
      await ok(
        [
          "tenant",
          "create",
          "--slug",
          "solo",
          "--name",
          "Solo",
          "--admin-email",
          "a@solo.test",
          "--admin-password",
          PASSWORD,
        ],
        env,
      );
      assert.equal(lockHolder(dir), null, "the CLI released the files when it finished");

      // Hold the files exclusively, as a CLI command does while it runs, and start the server meanwhile.
      const cli = await startEmbeddedHost(dir, dir, "exclusive");
      assert.ok(cli);
      const starting = startServer(env);
      await new Promise((r) => setTimeout(r, 2000));
      assert.deepEqual(lockHolder(dir), null, "our own lock: the server did not take it");
      assert.match(
        fs.readFileSync(path.join(dir, "host.lock"), "utf8"),
        new RegExp(`^${process.pid} exclusive$`),
      );
      await cli.stop();
      const server = await starting;
      try {
        assert.deepEqual(lockHolder(dir), { pid: server.child.pid, kind: "shared" });
        const admin = new HttpClient(server.url);
        await admin.signIn("a@solo.test", PASSWORD);
        assert.equal((await admin.request("GET", "/api/session")).json.tenant.slug, "solo");
      } finally {
        assert.equal(await server.stop(), 0, server.output());
      }
    },
  );

  (TEST_DB === "postgres" ? test.skip : test)(
    "embedded: with no server, CLI commands run at the same time take turns on the files",
    async () => {
      const env = await environment();
      const dir = env.DATA_DIR as string;
      await ok(tenantCreate("turns", "a@turns.test"), env);
      const user = ["user", "create", "--tenant", "turns", "--name", "U", "--password", PASSWORD];
      await Promise.all(["u1", "u2", "u3"].map((u) => ok([...user, "--email", `${u}@turns.test`], env)));
      assert.equal(lockHolder(dir), null);
      assert.equal(fs.existsSync(path.join(dir, "host.lock")), false, "the last one removed the lock file");
      const server = await startServer(env);
      try {
        const admin = new HttpClient(server.url);
        await admin.signIn("a@turns.test", PASSWORD);
        const users = (await admin.request("GET", "/api/users")).json as { email: string }[];
        assert.deepEqual(users.map((u) => u.email).sort(), [
          "a@turns.test",
          "u1@turns.test",
          "u2@turns.test",
          "u3@turns.test",
        ]);
      } finally {
        assert.equal(await server.stop(), 0, server.output());
      }
    },
  );

  (TEST_DB === "postgres" ? test.skip : test)(
    "embedded: the lock of a crashed server (kill -9) is taken over by the next CLI command",
    async () => {
      const env = await environment();
      const dir = env.DATA_DIR as string;
      const server = await startServer(env);
      assert.equal(await server.stop("SIGKILL"), null, "killed, not exited");
      assert.match(
        fs.readFileSync(path.join(dir, "host.lock"), "utf8"),
        new RegExp(`^${server.child.pid} shared$`),
      );
      assert.equal(lockHolder(dir), null, "a dead process holds nothing");

      await ok(tenantCreate("after-crash", "a@after-crash.test"), env);
      assert.equal(fs.existsSync(path.join(dir, "host.lock")), false, "taken over, then released");
      assert.match(
        await ok(["license", "activate", "--tenant", "after-crash"], env),
        /^tenant: after-crash\nactive: yes\n/,
      );
    },
  );
});
