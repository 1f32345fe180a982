import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { sha256 } from "@uslimato/server-access";
import { LicensingService } from "@uslimato/server-licensing";
import type { LightMyRequestResponse } from "fastify";
import { snapshot, startTestApp, type TestApp } from "./helpers.ts";
import { ApiClient, awayFromWindowEdge, Contract, type Desk, makeDesk } from "./public-api-helpers.ts";

jest.setTimeout(120_000);

/**
 * The Public API contract (product.md §3): every endpoint × scope × flag, the bad-input list of the
 * issue (clear problem+json, nothing changed), idempotency, pagination, cross-tenant 404, the same
 * rules as the web app — and every response checked against the served OpenAPI document.
 */
const TICKET_TABLES = [
  "tickets",
  "ticket_history",
  "ticket_comments",
  "ticket_status_counts",
  "itsm_settings",
];
const WRITE_TABLES = [...TICKET_TABLES, "api_idempotency"];

const problem = (res: LightMyRequestResponse, status: number, detail?: RegExp) => {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, status);
  for (const field of ["type", "title", "detail"]) assert.equal(typeof body[field], "string", field);
  if (detail) assert.match(body.detail, detail);
  return body;
};

const rateLimited = (res: LightMyRequestResponse) => {
  for (const h of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"]) {
    assert.match(String(res.headers[h]), /^\d+$/, `${h} on ${res.statusCode}`);
  }
};

describe("Public API /public/v1", () => {
  let t: TestApp;
  let c: Contract;
  let a: Desk;
  let b: Desk;
  const key = async (desk: Desk, owner: string, scopes: string[]) =>
    new ApiClient(t.app, await desk.key(owner, scopes));
  let agent: ApiClient; // agent, tickets:read + tickets:write
  let ticket: { id: string; number: string };

  beforeAll(async () => {
    t = await startTestApp();
    c = new Contract((await t.app.inject({ method: "GET", url: "/public/v1/openapi.json" })).json());
    a = await makeDesk(t);
    b = await makeDesk(t);
    agent = await key(a, a.agentEmail, ["tickets:read", "tickets:write"]);
    const res = await agent.post("tickets", {
      title: "Printer on fire",
      description: "Tray 2",
      type: "incident",
    });
    c.check(res, "POST /public/v1/tickets");
    ticket = res.json();
    const note = await agent.post(`tickets/${ticket.id}/comments`, {
      body: "Internal note",
      visibility: "internal",
    });
    c.check(note, "POST /public/v1/tickets/{id}/comments");
  });
  afterAll(() => t?.close());

  test("the document: OpenAPI 3.1 with every /public/v1 route of the app, and a reference page", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/public/v1/openapi.json" })).json();
    assert.equal(doc.openapi, "3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.deepEqual(documented.sort(), [
      "GET /public/v1/assets",
      "GET /public/v1/tickets",
      "GET /public/v1/tickets/{id}",
      "GET /public/v1/tickets/{id}/comments",
      "PATCH /public/v1/tickets/{id}",
      "POST /public/v1/tickets",
      "POST /public/v1/tickets/{id}/comments",
    ]);
    // Every key-protected route of the app is in the document (the doc routes themselves are not).
    const served = t.app
      .printRoutes({ commonPrefix: false })
      .split("\n")
      .filter((l) => l.includes("public/v1") && !/openapi|docs/.test(l));
    assert.ok(served.length > 0);
    assert.ok(doc.components.securitySchemes.apiKey);
    for (const name of ["Ticket", "TicketPage", "Comment", "CommentList", "Problem", "Person"]) {
      assert.ok(doc.components.schemas[name], name);
    }
    assert.deepEqual(
      Object.keys(doc.components.schemas).filter((n) => n.endsWith("Input")),
      [],
      "no unused input twins",
    );
    const page = await t.app.inject({ method: "GET", url: "/public/v1/docs" });
    assert.equal(page.statusCode, 200);
    rateLimited(page);
    assert.match(String(page.headers["content-type"]), /text\/html/);
    for (const op of documented) {
      const [method, path] = op.split(" ");
      assert.ok(page.body.includes(`${method}</span> <code>${path}</code>`), `${op} on the reference page`);
    }
    assert.ok(!page.body.includes("<script"), "no scripts on the reference page");
  });

  describe("every endpoint × scope", () => {
    const endpoints = (id: string) =>
      [
        ["GET /public/v1/tickets", "GET", "tickets", undefined, "tickets:read", 200],
        ["GET /public/v1/tickets/{id}", "GET", `tickets/${id}`, undefined, "tickets:read", 200],
        [
          "GET /public/v1/tickets/{id}/comments",
          "GET",
          `tickets/${id}/comments`,
          undefined,
          "tickets:read",
          200,
        ],
        [
          "POST /public/v1/tickets",
          "POST",
          "tickets",
          { title: "Scope check", description: "", type: "service_request" },
          "tickets:write",
          201,
        ],
        [
          "PATCH /public/v1/tickets/{id}",
          "PATCH",
          `tickets/${id}`,
          { priority: "high" },
          "tickets:write",
          200,
        ],
        [
          "POST /public/v1/tickets/{id}/comments",
          "POST",
          `tickets/${id}/comments`,
          { body: "Scope check", visibility: "external" },
          "tickets:write",
          201,
        ],
      ] as const;
    const scopeSets = [
      ["tickets:read"],
      ["tickets:write"],
      ["tickets:read", "tickets:write"],
      ["assets:read"],
    ];

    for (const scopes of scopeSets) {
      test(`a key with ${scopes.join(" + ")}: its scopes open their endpoints, the others answer 403 naming the scope`, async () => {
        const client = await key(a, a.agentEmail, scopes);
        for (const [op, method, url, body, scope, ok] of endpoints(ticket.id)) {
          const res = await client.request(method, url, body);
          rateLimited(res);
          c.check(res, op);
          if (scopes.includes(scope)) assert.equal(res.statusCode, ok, `${op}: ${res.body}`);
          else {
            const p = problem(res, 403, new RegExp(`scope ${scope}`));
            assert.equal(p.scope, scope);
          }
        }
      });
    }

    test("public_api off: 403 naming the flag on every endpoint; license off: 404 on every endpoint", async () => {
      const off = await makeDesk(t, { flags: FEATURE_FLAGS.filter((f) => f !== "public_api") });
      const offKey = await key(off, off.agentEmail, ["tickets:read", "tickets:write"]);
      const unlicensed = await makeDesk(t, false);
      const noLicenseKey = await key(unlicensed, unlicensed.reporterEmail, ["tickets:read", "tickets:write"]);
      const before = await snapshot(t, TICKET_TABLES);
      for (const [op, method, url, body] of endpoints(ticket.id)) {
        const res = await offKey.request(method, url.replace(ticket.id, "TKT-000001"), body);
        c.check(res, op);
        rateLimited(res);
        assert.equal(problem(res, 403, /public_api/).feature, "public_api");
        const gone = await noLicenseKey.request(method, url, body);
        c.check(gone, op);
        rateLimited(gone);
        problem(gone, 404);
      }
      // Deactivating the license of a tenant that had one: 404 too; reactivating restores the API.
      await t.nest.get(LicensingService).setLicense(off.tenant.id, { active: false });
      problem(await offKey.get("tickets"), 404);
      await t.nest
        .get(LicensingService)
        .setLicense(off.tenant.id, { active: true, flags: [...FEATURE_FLAGS] });
      assert.equal((await offKey.get("tickets")).statusCode, 200);
      assert.deepEqual(await snapshot(t, TICKET_TABLES), before, "nothing changed");
    });
  });

  describe("authentication", () => {
    test("no key, a malformed or unknown key, a revoked or expired key, a deactivated owner: 401 problem+json", async () => {
      const valid = await a.key(a.agentEmail, ["tickets:read"]);
      const revoked = await a.key(a.agentEmail, ["tickets:read"]);
      const expired = await a.key(a.agentEmail, ["tickets:read"]);
      const ofDeactivated = await a.key(a.reporterEmail, ["tickets:read"]);
      const db = t.database.dataSource;
      // "usk_" + tenant id (36) + "_" + secret
      const secretOf = (k: string) => k.slice(41);
      await db.query("update api_keys set revoked_at = now() where secret_hash = $1", [
        sha256(secretOf(revoked)),
      ]);
      await db.query("update api_keys set expires_at = now() - interval '1 second' where secret_hash = $1", [
        sha256(secretOf(expired)),
      ]);
      await db.query("update users set active = false where lower(email) = $1", [a.reporterEmail]);
      const cases: [string | null, string | undefined, RegExp][] = [
        [null, undefined, /Authorization: Bearer/],
        [null, "Basic dXNlcjpwYXNz", /not hold a valid API key/],
        [null, `Bearer ${valid.slice(0, -3)}xyz`, /not valid/],
        [null, `Bearer usk_${b.tenant.id}_${secretOf(valid)}`, /not valid/], // A's secret under B's tenant id
        [null, "Bearer usk_garbage", /not hold a valid API key/],
        [revoked, undefined, /revoked/],
        [expired, undefined, /expired/],
        [ofDeactivated, undefined, /deactivated/],
      ];
      for (const [k, header, detail] of cases) {
        const res = await t.app.inject({
          method: "GET",
          url: "/public/v1/tickets",
          headers: header ? { authorization: header } : k ? { authorization: `Bearer ${k}` } : {},
        });
        c.check(res, "GET /public/v1/tickets");
        problem(res, 401, detail);
        rateLimited(res);
        assert.equal(res.headers["www-authenticate"], 'Bearer realm="uslimato"');
      }
      await db.query("update users set active = true where lower(email) = $1", [a.reporterEmail]);
      assert.equal((await new ApiClient(t.app, valid).get("tickets")).statusCode, 200);
    });
  });

  test("tenant B's key on tenant A's tickets: 404 on every endpoint, none of A's data, nothing changed", async () => {
    const bKey = await key(b, b.agentEmail, ["tickets:read", "tickets:write"]);
    const before = await snapshot(t, WRITE_TABLES);
    for (const ref of [ticket.id, ticket.number]) {
      const attempts: [string, LightMyRequestResponse][] = [
        ["GET /public/v1/tickets/{id}", await bKey.get(`tickets/${ref}`)],
        ["PATCH /public/v1/tickets/{id}", await bKey.patch(`tickets/${ref}`, { title: "Pwned" })],
        ["GET /public/v1/tickets/{id}/comments", await bKey.get(`tickets/${ref}/comments`)],
        [
          "POST /public/v1/tickets/{id}/comments",
          await bKey.post(`tickets/${ref}/comments`, { body: "x", visibility: "internal" }),
        ],
      ];
      for (const [op, res] of attempts) {
        c.check(res, op);
        problem(res, 404);
        for (const secret of [ticket.id, "Printer on fire", "Internal note", a.tenant.id, a.agentEmail]) {
          if (secret === ref) continue;
          assert.ok(!res.body.includes(secret), `${op} leaked ${secret}`);
        }
      }
    }
    // Lists and filters only ever show B's own tickets.
    for (const url of ["tickets", `tickets?q=${ticket.number}`, `tickets?reporter=${a.agentEmail}`]) {
      const res = await bKey.get(url);
      c.check(res, "GET /public/v1/tickets");
      assert.ok(!res.body.includes(ticket.id), url);
    }
    // Filing for A's user, or assigning A's agent: not users of B.
    const filed = await bKey.post("tickets", {
      title: "x",
      description: "",
      type: "incident",
      reporter_email: a.agentEmail,
    });
    c.check(filed, "POST /public/v1/tickets");
    assert.equal(problem(filed, 422).errors[0].field, "reporter_email");
    assert.deepEqual(await snapshot(t, WRITE_TABLES), before);
  });

  test("bad input: clear problem+json, and nothing changed", async () => {
    const page = (await agent.get("tickets?limit=1")).json();
    const cursor: string = page.next_cursor ?? "";
    assert.ok(cursor, "a second page exists");
    await agent.post(
      "tickets",
      { title: "Idem", description: "", type: "incident" },
      { "idempotency-key": "bad-1" },
    );
    const before = await snapshot(t, WRITE_TABLES);
    const cases: [string, () => Promise<LightMyRequestResponse>, number, RegExp, string[]?][] = [
      [
        "POST /public/v1/tickets",
        () => agent.request("POST", "tickets", '{"title": "x",', { "content-type": "application/json" }),
        400,
        /not valid JSON/,
      ],
      [
        "POST /public/v1/tickets",
        () =>
          agent.post("tickets", {
            title: "Mass",
            description: "",
            type: "incident",
            reporter: { id: ticket.id },
            number: 1,
            status: "closed",
            reporter_id: ticket.id,
          }),
        422,
        /not a known field/,
        ["reporter", "number", "status", "reporter_id"],
      ],
      [
        "POST /public/v1/tickets",
        () => agent.post("tickets", { title: "", description: "", type: "problem" }),
        422,
        /title|type/,
        ["title", "type"],
      ],
      [
        "POST /public/v1/tickets",
        () => agent.post("tickets", {}),
        422,
        /title/,
        ["title", "description", "type"],
      ],
      [
        "PATCH /public/v1/tickets/{id}",
        () => agent.patch(`tickets/${ticket.id}`, { number: "TKT-999999", reporter_email: "x@y.test" }),
        422,
        /not a known field/,
        ["number", "reporter_email"],
      ],
      [
        "PATCH /public/v1/tickets/{id}",
        () => agent.patch(`tickets/${ticket.id}`, { status: "done" }),
        422,
        /status/,
        ["status"],
      ],
      [
        "POST /public/v1/tickets/{id}/comments",
        () => agent.post(`tickets/${ticket.id}/comments`, { body: "x", visibility: "public" }),
        422,
        /visibility/,
        ["visibility"],
      ],
      ["GET /public/v1/tickets", () => agent.get("tickets?limit=100000"), 422, /limit/, ["limit"]],
      ["GET /public/v1/tickets", () => agent.get("tickets?limit=0"), 422, /limit/, ["limit"]],
      ["GET /public/v1/tickets", () => agent.get("tickets?limit=ten"), 422, /limit/, ["limit"]],
      ["GET /public/v1/tickets", () => agent.get("tickets?sort=oldest"), 422, /sort/, ["sort"]],
      ["GET /public/v1/tickets", () => agent.get("tickets?status=open,lost"), 422, /status/],
      [
        "GET /public/v1/tickets",
        () =>
          agent.get(`tickets?cursor=${cursor.slice(0, 5)}${cursor[5] === "A" ? "B" : "A"}${cursor.slice(6)}`),
        422,
        /cursor/,
        ["cursor"],
      ],
      ["GET /public/v1/tickets", () => agent.get(`tickets?cursor=${cursor}x`), 422, /cursor/, ["cursor"]],
      ["GET /public/v1/tickets", () => agent.get("tickets?cursor=garbage"), 422, /cursor/, ["cursor"]],
      // A cursor is bound to the filters it was given out with.
      ["GET /public/v1/tickets", () => agent.get(`tickets?cursor=${cursor}&type=incident`), 422, /filters/],
      [
        "POST /public/v1/tickets",
        () =>
          agent.post(
            "tickets",
            { title: "Other", description: "", type: "incident" },
            { "idempotency-key": "bad-1" },
          ),
        422,
        /Idempotency-Key/,
        ["Idempotency-Key"],
      ],
      ["GET /public/v1/tickets/{id}", () => agent.get("tickets/TKT-999999"), 404, /does not exist/],
      ["GET /public/v1/tickets/{id}", () => agent.get("tickets/not-a-ticket"), 404, /does not exist/],
      [
        "PATCH /public/v1/tickets/{id}",
        () => agent.patch(`tickets/${ticket.id}`, { status: "closed" }),
        409,
        /from open to closed/,
      ],
    ];
    for (const [op, run, status, detail, fields] of cases) {
      const res = await run();
      c.check(res, op);
      rateLimited(res);
      const p = problem(res, status, detail);
      if (fields) {
        const named = (p.errors ?? []).map((e: { field: string }) => e.field);
        for (const f of fields)
          assert.ok(named.includes(f), `${op}: errors name ${f} (got ${named.join(", ")})`);
      }
    }
    assert.deepEqual(await snapshot(t, WRITE_TABLES), before, "a refused request changed nothing");
  });

  test("Idempotency-Key: the same request once (even racing), the same response; other keys and API keys apart", async () => {
    const body = { title: "Monitoring alert 17", description: "disk full", type: "incident" };
    const count = async () =>
      Number(
        (
          await t.database.dataSource.query("select count(*) n from tickets where title = $1", [body.title])
        )[0].n,
      );
    const first = await agent.post("tickets", body, { "idempotency-key": "alert-17" });
    c.check(first, "POST /public/v1/tickets");
    assert.equal(first.statusCode, 201);
    assert.equal(first.headers["idempotent-replayed"], "false");
    const again = await agent.post("tickets", { ...body }, { "idempotency-key": "alert-17" });
    c.check(again, "POST /public/v1/tickets");
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.equal(again.body, first.body, "byte-for-byte the same response");
    assert.equal(await count(), 1);

    // Ten identical requests at once: one ticket, ten identical answers.
    const race = await Promise.all(
      Array.from({ length: 10 }, () =>
        agent.post("tickets", { ...body, title: "Race" }, { "idempotency-key": "race-1" }),
      ),
    );
    for (const r of race) assert.equal(r.statusCode, 201, r.body);
    assert.equal(new Set(race.map((r) => r.json().id)).size, 1);
    assert.equal(
      Number((await t.database.dataSource.query("select count(*) n from tickets where title = 'Race'"))[0].n),
      1,
    );

    // Another API key of the same tenant has its own Idempotency-Keys.
    const other = await key(a, a.agentEmail, ["tickets:write"]);
    const separate = await other.post("tickets", body, { "idempotency-key": "alert-17" });
    assert.equal(separate.headers["idempotent-replayed"], "false");
    assert.notEqual(separate.json().id, first.json().id);

    // Comments too.
    const comment = { body: "Same note", visibility: "external" };
    const c1 = await agent.post(`tickets/${ticket.id}/comments`, comment, { "idempotency-key": "note-1" });
    const c2 = await agent.post(`tickets/${ticket.number}/comments`, comment, {
      "idempotency-key": "note-1",
    });
    assert.equal(c1.statusCode, 201);
    problem(c2, 422, /Idempotency-Key/); // same key, another request (the ticket named differently)
    const c3 = await agent.post(`tickets/${ticket.id}/comments`, comment, { "idempotency-key": "note-1" });
    assert.equal(c3.body, c1.body);

    // A failed request stores nothing: the same key may be retried once the request is fixed.
    const bad = await agent.post(
      "tickets",
      { ...body, reporter_email: "ghost@x.test" },
      { "idempotency-key": "retry-1" },
    );
    problem(bad, 422);
    const fixed = await agent.post(
      "tickets",
      { ...body, reporter_email: a.reporterEmail },
      { "idempotency-key": "retry-1" },
    );
    assert.equal(fixed.statusCode, 201, fixed.body);
    assert.equal(fixed.json().reporter.email, a.reporterEmail);
  });

  test("cursor pagination: { data, next_cursor } to the end, limit 1–100 (default 25), filters", async () => {
    const desk = await makeDesk(t);
    const k = await key(desk, desk.agentEmail, ["tickets:read", "tickets:write"]);
    for (let i = 1; i <= 30; i++) {
      const res = await k.post("tickets", {
        title: `Ticket ${i}`,
        description: i % 3 === 0 ? "keyboard" : "",
        type: i % 2 ? "incident" : "service_request",
        ...(i % 5 === 0 ? { reporter_email: desk.reporterEmail } : {}),
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const first = await k.get("tickets");
    c.check(first, "GET /public/v1/tickets");
    assert.equal(first.json().data.length, 25);
    const seen: string[] = [];
    let url = "tickets?limit=7";
    for (;;) {
      const res = await k.get(url);
      c.check(res, "GET /public/v1/tickets");
      const p = res.json();
      seen.push(...p.data.map((x: { title: string }) => x.title));
      if (!p.next_cursor) break;
      url = `tickets?limit=7&cursor=${encodeURIComponent(p.next_cursor)}`;
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 30 }, (_, i) => `Ticket ${30 - i}`),
      "newest first, each once",
    );
    const all = await k.get("tickets?limit=100");
    assert.equal(all.json().data.length, 30);
    assert.equal(all.json().next_cursor, null);
    const titles = async (q: string) =>
      ((await k.get(`tickets?limit=100&${q}`)).json().data as { title: string }[]).map((x) => x.title);
    assert.equal((await titles("type=incident")).length, 15);
    assert.deepEqual(await titles(`reporter=${desk.reporterEmail}`), [
      "Ticket 30",
      "Ticket 25",
      "Ticket 20",
      "Ticket 15",
      "Ticket 10",
      "Ticket 5",
    ]);
    assert.equal((await titles("q=keyboard")).length, 10);
    assert.deepEqual(await titles("q=TKT-000003"), ["Ticket 3"]);
    await k.patch("tickets/TKT-000004", { assignee_email: desk.agentEmail });
    assert.deepEqual(await titles("status=in_progress"), ["Ticket 4"]);
    assert.deepEqual(await titles(`assignee=${desk.agentEmail}`), ["Ticket 4"]);
    assert.equal((await titles("assignee=unassigned")).length, 29);
    // A cursor with its own filters pages on.
    const p1 = (await k.get("tickets?type=incident&limit=10")).json();
    const p2 = await k.get(`tickets?type=incident&limit=10&cursor=${encodeURIComponent(p1.next_cursor)}`);
    assert.equal(p2.json().data.length, 5);
  });

  test("the same state machine and permission table as the web app", async () => {
    const created = await agent.post("tickets", { title: "Flow", description: "", type: "incident" });
    const id = created.json().number;
    const step = async (body: object, status: number) => {
      const res = await agent.patch(`tickets/${id}`, body);
      c.check(res, "PATCH /public/v1/tickets/{id}");
      assert.equal(res.statusCode, status, res.body);
      return res.json();
    };
    // Picking up: assigning an agent to an open ticket starts work on it.
    const picked = await step({ assignee_email: a.agentEmail }, 200);
    assert.equal(picked.status, "in_progress");
    assert.equal(picked.assignee.email, a.agentEmail);
    // Only agents can be assignees.
    assert.equal((await step({ assignee_email: a.reporterEmail }, 422)).errors[0].field, "assignee_email");
    // A read-only key cannot move it: the scope is checked before anything else.
    const reader = await key(a, a.agentEmail, ["tickets:read"]);
    problem(await reader.patch(`tickets/${id}`, { status: "resolved" }), 403, /tickets:write/);
    assert.equal((await step({ status: "resolved" }, 200)).status, "resolved");
    assert.ok((await agent.get(`tickets/${id}`)).json().resolved_at);
    assert.match((await step({ status: "open" }, 409)).detail, /resolved to open/);
    assert.equal((await step({ status: "cancelled" }, 422)).errors[0].field, "reason");
    const closed = await step({ status: "closed" }, 200);
    assert.ok(closed.closed_at);
    assert.match((await step({ title: "After" }, 409)).detail, /closed/);
    const comment = await agent.post(`tickets/${id}/comments`, { body: "late", visibility: "external" });
    c.check(comment, "POST /public/v1/tickets/{id}/comments");
    problem(comment, 409);
    // History shows the key's owner as the actor of every change.
    const rows: { kind: string; email: string }[] = await t.database.dataSource.query(
      `select h.kind, u.email from ticket_history h join users u on u.tenant_id = h.tenant_id and u.id = h.actor_id
       join tickets tk on tk.tenant_id = h.tenant_id and tk.id = h.ticket_id where tk.id = $1 order by h.seq`,
      [created.json().id],
    );
    assert.deepEqual(new Set(rows.map((r) => r.email)), new Set([a.agentEmail]));
    assert.deepEqual(
      rows.map((r) => r.kind),
      ["created", "assignee", "status", "status", "status"],
    );
  });

  test("keys act for the service desk whatever their owner's groups; the owner reports and is the actor", async () => {
    // The example of product.md §4: a key owned by the tenant's first administrator, who holds no
    // ticket permission, creates, lists, moves and comments like the service desk.
    const admin = await key(a, a.tenant.adminEmail, ["tickets:read", "tickets:write"]);
    const created = await admin.post("tickets", {
      title: "Monitoring: disk full",
      description: "",
      type: "incident",
    });
    c.check(created, "POST /public/v1/tickets");
    assert.equal(created.json().reporter.email, a.tenant.adminEmail);
    const id = created.json().id;
    assert.ok(
      (await admin.get("tickets?limit=100")).json().data.some((x: { id: string }) => x.id === ticket.id),
    );
    const moved = await admin.patch(`tickets/${id}`, { status: "in_progress" });
    c.check(moved, "PATCH /public/v1/tickets/{id}");
    assert.equal(moved.json().status, "in_progress");
    assert.equal((await admin.patch(`tickets/${id}`, { status: "resolved" })).json().status, "resolved");
    await admin.post(`tickets/${id}/comments`, { body: "Agents only", visibility: "internal" });
    await admin.post(`tickets/${id}/comments`, { body: "Cleaned up", visibility: "external" });
    const comments = await admin.get(`tickets/${id}/comments`);
    c.check(comments, "GET /public/v1/tickets/{id}/comments");
    assert.deepEqual(
      comments.json().data.map((x: { visibility: string }) => x.visibility),
      ["internal", "external"],
    );
    // The same state machine: a move that does not exist is a 409 naming both statuses.
    problem(await admin.patch(`tickets/${id}`, { status: "open" }), 409, /from resolved to open/);
    // A reporter's key too: the owner's groups do not narrow it, the scopes do.
    const reporter = await key(a, a.reporterEmail, ["tickets:read"]);
    assert.equal((await reporter.get(`tickets/${ticket.id}`)).statusCode, 200);
    problem(
      await reporter.post("tickets", { title: "x", description: "", type: "incident" }),
      403,
      /tickets:write/,
    );
    // The owner is the actor in the history of every change the key made.
    const rows: { kind: string; email: string }[] = await t.database.dataSource.query(
      `select distinct u.email from ticket_history h join users u on u.tenant_id = h.tenant_id and u.id = h.actor_id
       where h.tenant_id = $1 and h.ticket_id = $2`,
      [a.tenant.id, id],
    );
    assert.deepEqual(
      rows.map((r) => r.email),
      [a.tenant.adminEmail],
    );
  });

  test("rate limit: RateLimit headers on every response, 429 with Retry-After, counted per key", async () => {
    const desk = await makeDesk(t, { apiRateLimit: 5 });
    const k1 = await key(desk, desk.agentEmail, ["tickets:read"]);
    const k2 = await key(desk, desk.agentEmail, ["tickets:read"]);
    await awayFromWindowEdge();
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await k1.get(i % 2 ? "tickets" : "tickets/TKT-000404");
      assert.ok([200, 404].includes(res.statusCode));
      assert.equal(res.headers["ratelimit-limit"], "5");
      remaining.push(Number(res.headers["ratelimit-remaining"]));
    }
    assert.deepEqual(remaining, [4, 3, 2, 1, 0]);
    const limited = await k1.get("tickets");
    c.check(limited, "GET /public/v1/tickets");
    const p = problem(limited, 429, /5 requests a minute/);
    assert.equal(limited.headers["ratelimit-remaining"], "0");
    const retry = Number(limited.headers["retry-after"]);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
    assert.equal(Number(limited.headers["ratelimit-reset"]), retry);
    assert.equal(p.retryAfter, retry);
    // Another key of the same tenant has its own budget.
    assert.equal((await k2.get("tickets")).statusCode, 200);
  });
});
