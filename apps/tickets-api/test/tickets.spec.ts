import assert from "node:assert/strict";
import http from "node:http";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { parseNumber } from "@uslimato/domain";
import { TicketChangeFeed } from "@uslimato/server-tickets";
import {
  type Client,
  makeTenant,
  PASSWORD,
  signedIn,
  snapshot,
  startTestApp,
  type TestApp,
} from "./helpers.ts";

jest.setTimeout(120_000);

interface Desk {
  admin: Client;
  agent: Client;
  agent2: Client;
  closer: Client;
  agentId: string;
  agent2Id: string;
  reporterId: string;
  tenantSlug: string;
  tenantId: string;
}

/** A licensed tenant with two full agents, an agent without tickets:close, and a plain reporter. */
async function makeDesk(t: TestApp): Promise<Desk> {
  const tenant = await makeTenant(t, { license: true });
  const admin = await signedIn(t.app, tenant.adminEmail);
  const groups = (await admin.get("/api/groups")).json();
  const agentGroup = groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent");
  const triage = (
    await admin.post("/api/groups", { name: "Triage", permissions: ["tickets:manage", "tickets:create"] })
  ).json();
  const reporters = (
    await admin.post("/api/groups", { name: "Reporters", permissions: ["tickets:create"] })
  ).json();
  const make = async (email: string, group: string) => {
    const user = (
      await admin.post("/api/users", {
        email: `${email}@${tenant.slug}.test`,
        name: email,
        password: PASSWORD,
      })
    ).json();
    assert.equal((await admin.put(`/api/groups/${group}/members/${user.id}`)).statusCode, 200);
    return user.id as string;
  };
  const agentId = await make("agent", agentGroup.id);
  const agent2Id = await make("agent2", agentGroup.id);
  await make("triage", triage.id);
  const reporterId = await make("reporter", reporters.id);
  return {
    admin,
    agent: await signedIn(t.app, `agent@${tenant.slug}.test`),
    agent2: await signedIn(t.app, `agent2@${tenant.slug}.test`),
    closer: await signedIn(t.app, `triage@${tenant.slug}.test`),
    agentId,
    agent2Id,
    reporterId,
    tenantSlug: tenant.slug,
    tenantId: tenant.id,
  };
}

const TICKET_TABLES = [
  "tickets",
  "ticket_history",
  "ticket_comments",
  "ticket_status_counts",
  "itsm_settings",
];

describe("tickets", () => {
  let t: TestApp;
  let d: Desk;
  beforeAll(async () => {
    t = await startTestApp();
    d = await makeDesk(t);
  });
  afterAll(() => t.close());

  test("the full path: create, pick up, internal note, external reply, resolve, another agent closes", async () => {
    const created = await d.agent.post("/api/tickets", {
      title: "Printer on fire",
      description: "Smoke\nfrom tray 2",
      type: "incident",
      reporter_id: d.reporterId,
    });
    assert.equal(created.statusCode, 201, created.body);
    const ticket = created.json();
    assert.match(ticket.number, /^TKT-\d{6}$/);
    assert.equal(ticket.status, "open");
    assert.equal(ticket.priority, "medium");
    assert.equal(ticket.reporter.id, d.reporterId);

    const picked = await d.agent.patch(`/api/tickets/${ticket.id}`, { assignee_id: d.agentId });
    assert.equal(picked.statusCode, 200, picked.body);
    assert.equal(picked.json().status, "in_progress");
    assert.equal(picked.json().assignee.id, d.agentId);

    assert.equal(
      (
        await d.agent.post(`/api/tickets/${ticket.number}/comments`, {
          body: "Checked the fuser",
          visibility: "internal",
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (
        await d.agent.post(`/api/tickets/${ticket.id}/comments`, {
          body: "On our way",
          visibility: "external",
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (await d.agent.patch(`/api/tickets/${ticket.id}`, { status: "resolved" })).json().status,
      "resolved",
    );
    const closed = await d.agent2.patch(`/api/tickets/${ticket.id}`, { status: "closed" });
    assert.equal(closed.json().status, "closed");
    assert.ok(closed.json().closed_at);

    const history = (await d.agent.get(`/api/tickets/${ticket.id}/history`)).json();
    assert.deepEqual(
      history.map((h: { kind: string; new_value: string }) => `${h.kind}:${h.new_value}`),
      [
        "created:open",
        "assignee:agent",
        "status:in_progress",
        "comment:internal",
        "comment:external",
        "status:resolved",
        "status:closed",
      ],
    );
    const comments = (await d.agent.get(`/api/tickets/${ticket.id}/comments`)).json();
    assert.deepEqual(
      comments.map((c: { visibility: string }) => c.visibility),
      ["internal", "external"],
    );
  });

  test("refused moves are refused with a message naming the statuses, and change nothing", async () => {
    const ticket = (
      await d.agent.post("/api/tickets", { title: "VPN down", description: "", type: "incident" })
    ).json();
    const before = await snapshot(t, TICKET_TABLES);
    const cases: [Client, unknown, number, RegExp][] = [
      [d.agent, { status: "closed" }, 409, /from open to closed/],
      [d.agent, { status: "bogus" }, 422, /status/],
      [d.agent, { status: "cancelled" }, 422, /reason/],
      [d.agent, { assignee_id: d.reporterId }, 422, /not an agent/],
      [d.agent, { title: "" }, 422, /title/],
      [d.agent, { title: "x".repeat(201) }, 422, /title/],
      [d.agent, { number: "TKT-1" }, 422, /number/],
      [d.agent, { reporter_id: d.agentId }, 422, /reporter_id/],
    ];
    for (const [client, body, status, message] of cases) {
      const res = await client.patch(`/api/tickets/${ticket.id}`, body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)} → ${res.body}`);
      assert.match(res.json().detail, message);
    }
    await d.closer.patch(`/api/tickets/${ticket.id}`, { assignee_id: null });
    assert.deepEqual(await snapshot(t, TICKET_TABLES), before);
    // An agent without tickets:close cannot resolve.
    assert.equal(
      (await d.closer.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" })).statusCode,
      200,
    );
    const res = await d.closer.patch(`/api/tickets/${ticket.id}`, { status: "resolved" });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().detail, /tickets:close/);
  });

  test("closed and cancelled tickets are final: no edits, comments or moves", async () => {
    const ticket = (
      await d.agent.post("/api/tickets", { title: "Duplicate", description: "", type: "service_request" })
    ).json();
    const cancelled = await d.agent.patch(`/api/tickets/${ticket.id}`, {
      status: "cancelled",
      reason: "duplicate of TKT-000001",
    });
    assert.equal(cancelled.json().status, "cancelled");
    assert.equal(cancelled.json().cancel_reason, "duplicate of TKT-000001");
    const before = await snapshot(t, TICKET_TABLES);
    for (const body of [
      { title: "New" },
      { status: "open" },
      { status: "in_progress" },
      { assignee_id: d.agentId },
    ]) {
      const res = await d.agent.patch(`/api/tickets/${ticket.id}`, body);
      assert.equal(res.statusCode, 409, JSON.stringify(body));
    }
    assert.equal(
      (await d.agent.post(`/api/tickets/${ticket.id}/comments`, { body: "late", visibility: "external" }))
        .statusCode,
      409,
    );
    assert.deepEqual(await snapshot(t, TICKET_TABLES), before);
  });

  test("two agents picking up the same ticket at once: exactly one wins, the other gets 409", async () => {
    const ticket = (
      await d.agent.post("/api/tickets", { title: "Race", description: "", type: "incident" })
    ).json();
    const [a, b] = await Promise.all([
      d.agent.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" }),
      d.agent2.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const history = (await d.agent.get(`/api/tickets/${ticket.id}/history`)).json();
    assert.equal(history.filter((h: { kind: string }) => h.kind === "status").length, 1);
  });

  test("numbers are gapless under parallel creation; a new prefix applies to new tickets only", async () => {
    const tenant = await makeTenant(t, { license: true });
    const admin = await signedIn(t.app, tenant.adminEmail);
    const groups = (await admin.get("/api/groups")).json();
    await admin.put(
      `/api/groups/${groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent").id}/members/${(await admin.get("/api/users")).json()[0].id}`,
    );
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        admin.post("/api/tickets", { title: `T${i}`, description: "", type: "incident" }),
      ),
    );
    const numbers = results.map((r) => r.json().number as string).sort();
    assert.deepEqual(
      numbers,
      Array.from({ length: 30 }, (_, i) => `TKT-${String(i + 1).padStart(6, "0")}`),
    );
    assert.equal((await admin.patch("/api/settings/itsm", { ticketPrefix: "it" })).statusCode, 422);
    assert.equal(
      (await admin.patch("/api/settings/itsm", { ticketPrefix: "HELP" })).json().ticketPrefix,
      "HELP",
    );
    assert.equal(
      (await admin.post("/api/tickets", { title: "after", description: "", type: "incident" })).json().number,
      "HELP-000031",
    );
    assert.equal((await admin.get("/api/tickets/TKT-000001")).statusCode, 200); // old numbers keep their prefix
    const counts = (await admin.get("/api/tickets/counts")).json();
    assert.equal(counts.open, 31);
  });

  test("the queue filters, searches and pages with a keyset cursor to the end", async () => {
    const tenant = await makeTenant(t, { license: true });
    const admin = await signedIn(t.app, tenant.adminEmail);
    const groups = (await admin.get("/api/groups")).json();
    const me = (await admin.get("/api/users")).json()[0].id;
    await admin.put(
      `/api/groups/${groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent").id}/members/${me}`,
    );
    for (let i = 0; i < 12; i++) {
      await admin.post("/api/tickets", {
        title: i % 3 === 0 ? `Laptop broken ${i}` : `Access request ${i}`,
        description: "",
        type: i % 3 === 0 ? "incident" : "service_request",
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { number: string }[]; next_cursor: string | null } = (
        await admin.get(`/api/tickets?limit=5${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...page.data.map((x) => x.number));
      cursor = page.next_cursor;
    } while (cursor);
    assert.equal(seen.length, 12);
    assert.equal(new Set(seen).size, 12);
    assert.deepEqual(seen, [...seen].sort().reverse());
    assert.equal((await admin.get("/api/tickets?type=incident")).json().data.length, 4);
    assert.equal((await admin.get("/api/tickets?q=laptop")).json().data.length, 4);
    assert.equal((await admin.get("/api/tickets?q=TKT-000002")).json().data[0].number, "TKT-000002");
    assert.equal(
      (await admin.get("/api/tickets?assignee=unassigned&status=open,in_progress")).json().data.length,
      12,
    );
    assert.equal((await admin.get("/api/tickets?assignee=me")).json().data.length, 0);
    assert.equal((await admin.get("/api/tickets?cursor=abc")).statusCode, 422);
    // LIKE wildcards in the people search are matched literally.
    assert.deepEqual((await admin.get("/api/tickets/people?q=_")).json(), []);
    assert.equal((await admin.get("/api/tickets/people?q=admin")).json().length, 1);
    assert.equal((await admin.get("/api/tickets?limit=100000")).statusCode, 422);
    assert.equal((await admin.get("/api/tickets?sort=id;drop table tickets")).statusCode, 422);
  });

  test("ticket text is stored as typed and returned as JSON, never interpreted", async () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const ticket = (
      await d.agent.post("/api/tickets", { title: evil, description: evil, type: "incident" })
    ).json();
    assert.equal(ticket.title, evil);
    const comment = await d.agent.post(`/api/tickets/${ticket.id}/comments`, {
      body: evil,
      visibility: "external",
    });
    assert.equal(comment.json().body, evil);
    assert.match(comment.headers["content-type"] as string, /application\/json/);
  });

  test("without the permission or the flag, the queue is refused", async () => {
    const tenant = await makeTenant(t, { license: { flags: ["end_user_portal"] } });
    const admin = await signedIn(t.app, tenant.adminEmail);
    const res = await admin.get("/api/tickets");
    assert.equal(res.statusCode, 403);
    assert.match(res.json().detail, /agent_portal/);
    const unlicensed = await makeTenant(t);
    assert.equal((await (await signedIn(t.app, unlicensed.adminEmail)).get("/api/tickets")).statusCode, 404);
    assert.equal((await d.admin.get("/api/tickets")).statusCode, 403); // admins are not agents by default
  });

  test("50 parallel creations in one tenant get the numbers 1..50: no gap, no duplicate", async () => {
    const tenant = await makeTenant(t, { license: true });
    const admin = await makeAgentAdmin(t, tenant.adminEmail);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        admin.post("/api/tickets", { title: `Parallel ${i}`, description: "", type: "incident" }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      Array.from({ length: 50 }, () => 201),
    );
    const numbers = results.map((r) => parseNumber(r.json().number)?.n ?? 0).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    // The database agrees: the counter stopped at 50, and every ticket has its one "created" entry.
    const q = (sql: string) => t.database.dataSource.query(sql, [tenant.id]);
    const [counter] = await q("select last_ticket_number from itsm_settings where tenant_id = $1");
    assert.equal(counter.last_ticket_number, 50);
    const [tickets] = await q(
      "select count(*)::int as n, count(distinct number)::int as distinct, max(number) as max from tickets where tenant_id = $1",
    );
    assert.deepEqual(tickets, { n: 50, distinct: 50, max: 50 });
    const [created] = await q(
      "select count(*)::int as n from ticket_history where tenant_id = $1 and kind = 'created'",
    );
    assert.equal(created.n, 50);
    assert.equal((await admin.get("/api/tickets/counts")).json().open, 50);
  });

  test("the events stream tells the tenant's open pages when a ticket changes, until they go away", async () => {
    const feed = t.nest.get(TicketChangeFeed);
    feed.intervalMs = 50;
    assert.equal((await t.app.inject({ url: "/api/tickets/events" })).statusCode, 401);
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const stream = await openStream(`${address}/api/tickets/events`, d.agent.cookie);
    assert.equal(stream.response.statusCode, 200);
    assert.equal(stream.response.headers["content-type"], "text/event-stream");
    assert.equal(stream.response.headers["cache-control"], "no-cache");
    await stream.waitFor(/^retry: 3000\n\n/);
    assert.equal(feed.listeners(d.tenantId), 1);
    await sleep(200); // the feed has read the current version
    assert.doesNotMatch(stream.text(), /event: changed/);

    // A change in another tenant says nothing here; one in this tenant does.
    const other = await makeTenant(t, { license: true });
    const otherAdmin = await makeAgentAdmin(t, other.adminEmail);
    await otherAdmin.post("/api/tickets", { title: "Elsewhere", description: "", type: "incident" });
    await sleep(200);
    assert.doesNotMatch(stream.text(), /event: changed/);
    // (Changed again until heard: the feed tells only changes after its first read, which a busy
    // machine may delay.)
    const changed = /event: changed\ndata: \{"version":"[^"]+"\}\n\n/;
    for (let i = 0; i < 10 && !changed.test(stream.text()); i++) {
      await d.agent.post("/api/tickets", {
        title: `Wakes the queue ${i}`,
        description: "",
        type: "incident",
      });
      await stream.waitFor(changed, 1_000).catch(() => {});
    }
    assert.match(stream.text(), changed);

    // The client goes away: its subscription ends.
    stream.request.destroy();
    await until(() => feed.listeners(d.tenantId) === 0);

    // Shutting down ends the streams still open instead of leaving them hanging.
    const open = await openStream(`${address}/api/tickets/events`, d.agent.cookie);
    await open.waitFor(/^retry: 3000/);
    feed.close();
    await open.ended;
    assert.equal(feed.listeners(d.tenantId), 0);
  });

  test("a change right after a page starts listening is told: the feed reads the version at once", async () => {
    const feed = t.nest.get(TicketChangeFeed);
    feed.intervalMs = 3_000;
    const heard: string[] = [];
    const unsubscribe = feed.subscribe(d.tenantId, (version) => heard.push(version));
    try {
      await sleep(300); // long enough for the first read, well before the first interval
      const res = await d.agent.post("/api/tickets", {
        title: "Filed at once",
        description: "",
        type: "incident",
      });
      assert.equal(res.statusCode, 201);
      await until(() => heard.length > 0, 10_000);
    } finally {
      unsubscribe();
    }
  });
});

/** The admin of a tenant, made an agent (member of ITSM Agent), signed in. */
async function makeAgentAdmin(t: TestApp, adminEmail: string): Promise<Client> {
  const admin = await signedIn(t.app, adminEmail);
  const groups = (await admin.get("/api/groups")).json();
  const me = (await admin.get("/api/users")).json()[0].id;
  const agents = groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent");
  assert.equal((await admin.put(`/api/groups/${agents.id}/members/${me}`)).statusCode, 200);
  return admin;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await sleep(20);
  }
}

/** A real HTTP GET of an event stream, collecting what arrives. */
function openStream(url: string, cookie: string) {
  return new Promise<{
    request: http.ClientRequest;
    response: http.IncomingMessage;
    text: () => string;
    waitFor: (re: RegExp, timeoutMs?: number) => Promise<void>;
    ended: Promise<void>;
  }>((resolve, reject) => {
    const request = http.get(url, { headers: { cookie } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      const ended = new Promise<void>((r) => response.on("end", () => r()));
      resolve({
        request,
        response,
        text: () => text,
        waitFor: (re, timeoutMs) => until(() => re.test(text), timeoutMs),
        ended,
      });
    });
    request.on("error", reject);
  });
}
