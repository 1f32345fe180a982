import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { lockHolder, startEmbeddedHost } from "../src/db/embedded.ts";
import { openTestDatabase, PASSWORD, snapshot, TEST_DB, type TestDatabase } from "./helpers.ts";
import { HttpClient, runCli, startServer } from "./processes.ts";

/** Run the CLI and expect success: exit 0, nothing on stderr. */
async function ok(args: string[], env: Record<string, string>): Promise<string> {
  const res = await runCli(args, env);
  assert.equal(res.code, 0, `uslimato ${args.join(" ")} → ${res.code}\n${res.stderr}${res.stdout}`);
  assert.equal(res.stderr, "");
  return res.stdout;
}

describe("operator CLI (npx uslimato) against the test database", () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
  });
  after(() => t.close());

  const groupsOf = async (email: string) =>
    (
      await t.database.pool.query<{ name: string }>(
        `select g.name from users u
         join group_members gm on gm.tenant_id = u.tenant_id and gm.user_id = u.id
         join groups g on g.tenant_id = gm.tenant_id and g.id = gm.group_id
         where u.email = $1 order by g.name`,
        [email],
      )
    ).rows.map((r) => r.name);

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
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from groups where system_key = 'itsm_agent'",
    );
    assert.equal(rows[0].n, 1, "one ITSM Agent group however often the license is activated");

    assert.match(await ok(["--help"], env), /^Usage: uslimato <command>/);
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
      [["frobnicate", "now"], /Unknown command "frobnicate now"/],
      [["tenant", "create", "--bogus", "x"], /bogus/],
    ];
    const tables = ["tenants", "users", "groups", "group_members", "group_permissions", "itsm_licenses"];
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
});

describe("the CLI and a running server share one database", () => {
  const dirs: string[] = [];
  const tmpDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-cli-"));
    dirs.push(dir);
    return dir;
  };
  let t: TestDatabase | undefined;
  after(async () => {
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

  test("embedded: with no server the CLI opens the files itself; a server started meanwhile waits for it, then serves", {
    skip: TEST_DB === "postgres" ? "embedded mode only (PostgreSQL has no files to share)" : false,
  }, async () => {
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
  });
});
