import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { openTestDatabase, type TestDatabase } from "./helpers.ts";
import { runCli } from "./processes.ts";

// Two runs of the built CLI as child processes, each filling through the services.
jest.setTimeout(300_000);

describe("npx uslimato demo --tenant demo", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t?.close());

  const counts = async () => {
    const db = t.database.dataSource;
    const [tenant] = await db.query("select id from tenants where slug = 'demo'");
    const q = async (sql: string) => (await db.query(sql, [tenant.id]))[0].n as number;
    return {
      assets: await q("select count(*)::int as n from assets where tenant_id = $1"),
      movements: await q("select count(*)::int as n from asset_movements where tenant_id = $1"),
      statuses: await q("select count(distinct status)::int as n from tickets where tenant_id = $1"),
      linked: await q("select count(*)::int as n from tickets where tenant_id = $1 and asset_id is not null"),
      comments: await q("select count(*)::int as n from ticket_comments where tenant_id = $1"),
      history: await q("select count(*)::int as n from ticket_history where tenant_id = $1"),
    };
  };

  test("creates the tenant with its admin's credentials and fills it; a second run keeps everything", async () => {
    const first = await runCli(["demo", "--tenant", "demo"], t.env);
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.equal(first.stderr, "");
    assert.match(first.stdout, /^created tenant demo /m);
    const password = /sign in as admin@demo\.example with password (\S+)/.exec(first.stdout)?.[1];
    assert.ok(password, first.stdout);
    const filled = await counts();
    assert.equal(filled.assets, 40);
    assert.ok(filled.movements > 10);
    assert.equal(filled.statuses, 5, "open, in_progress, resolved, closed, cancelled");
    assert.ok(filled.linked > 10 && filled.comments > 10 && filled.history > 50, JSON.stringify(filled));
    const [license] = await t.database.dataSource.query(
      "select active from itsm_licenses l join tenants t on t.id = l.tenant_id where t.slug = 'demo'",
    );
    assert.equal(license.active, true);
    // The admin is also an ITSM agent, so signing in as the admin shows the tickets too.
    const [agent] = await t.database.dataSource.query(
      `select count(*)::int as n from group_members m
         join groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
         join users u on u.tenant_id = m.tenant_id and u.id = m.user_id
        where u.email = 'admin@demo.example' and g.system_key = 'itsm_agent'`,
    );
    assert.equal(agent.n, 1);

    const second = await runCli(["demo", "--tenant", "demo"], t.env);
    assert.equal(second.code, 0, second.stderr + second.stdout);
    assert.match(second.stdout, /tenant demo exists/);
    assert.match(second.stdout, /demo data already present: nothing added/);
    assert.deepEqual(await counts(), filled);
  });
});
