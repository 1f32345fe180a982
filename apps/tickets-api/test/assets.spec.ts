import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { GroupsService, UsersService } from "@uslimato/server-access";
import { LicensingService } from "@uslimato/server-licensing";
import { ApiKeysService } from "@uslimato/server-public-api";
import type { LightMyRequestResponse } from "fastify";
import { type Client, makeTenant, PASSWORD, signedIn, startTestApp, type TestApp } from "./helpers.ts";
import { ApiClient, Contract } from "./public-api-helpers.ts";

jest.setTimeout(120_000);

/**
 * Assets (issue 12, server side): CRUD, search, filters and keyset pages, duplicate tags, movements, the
 * ITSM asset integration (linking on create, the asset's "Tickets" tab, deletion refused while open
 * tickets refer to it), the movement link, the flag-off paths, and GET /public/v1/assets against the
 * served OpenAPI document.
 */
const problem = (res: LightMyRequestResponse, status: number, detail?: RegExp) => {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
  if (detail) assert.match(res.json().detail, detail);
  return res.json();
};

interface Side {
  tenant: Awaited<ReturnType<typeof makeTenant>>;
  /** The admin: Administrators (assets) and ITSM Agent (tickets). */
  admin: Client;
  adminId: string;
  /** A reporter (tickets:create only) for the desk. */
  reporter: Client;
}

async function makeSide(t: TestApp, flags?: string[]): Promise<Side> {
  const tenant = await makeTenant(t, { license: flags ? { flags } : true });
  const users = t.nest.get(UsersService);
  const groups = t.nest.get(GroupsService);
  const admin = await signedIn(t.app, tenant.adminEmail);
  const adminId = (await admin.get("/api/session")).json().user.id as string;
  const list: { id: string; systemKey: string | null }[] = (await admin.get("/api/groups")).json();
  const agents = list.find((g) => g.systemKey === "itsm_agent")?.id as string;
  assert.equal((await admin.put(`/api/groups/${agents}/members/${adminId}`)).statusCode, 200);
  await groups.createGroup(tenant.id, { name: "Reporters", permissions: ["tickets:create"] });
  const reporterEmail = `reporter@${tenant.slug}.test`;
  await users.createUser(tenant.id, {
    email: reporterEmail,
    name: "Rita",
    password: PASSWORD,
    groups: ["Reporters"],
  });
  return { tenant, admin, adminId, reporter: await signedIn(t.app, reporterEmail) };
}

const newAsset = (tag: string, extra: Record<string, unknown> = {}) => ({
  name: `Laptop ${tag}`,
  asset_tag: tag,
  category: "Laptop",
  location: "HQ",
  ...extra,
});

describe("assets", () => {
  let t: TestApp;
  let a: Side;
  let b: Side;
  const count = async (table: string, tenantId: string) =>
    Number(
      (
        await t.database.dataSource.query(`select count(*)::int as n from ${table} where tenant_id = $1`, [
          tenantId,
        ])
      )[0].n,
    );
  const create = async (side: Side, body: Record<string, unknown>) => {
    const res = await side.admin.post("/api/assets", body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; asset_tag: string; name: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await makeSide(t);
    b = await makeSide(t);
  });
  afterAll(() => t?.close());

  test("create, get, edit, list; a duplicate tag (any case) is a 409 naming it, nothing created", async () => {
    const created = await a.admin.post("/api/assets", {
      ...newAsset("CRUD-1"),
      status: "in_use",
      assignee_id: a.adminId,
      notes: "Bought 2026",
    });
    assert.equal(created.statusCode, 201, created.body);
    const asset = created.json();
    assert.equal(asset.asset_tag, "CRUD-1");
    assert.equal(asset.status, "in_use");
    assert.equal(asset.assignee.id, a.adminId);
    assert.deepEqual((await a.admin.get(`/api/assets/${asset.id}`)).json(), asset);

    const before = await count("assets", a.tenant.id);
    const dup = problem(
      await a.admin.post("/api/assets", newAsset("crud-1")),
      409,
      /asset tag crud-1 is already used/,
    );
    assert.equal(dup.asset_tag, "crud-1");
    assert.equal(await count("assets", a.tenant.id), before);
    // Another tenant may use the same tag.
    await create(b, newAsset("CRUD-1"));

    const edited = await a.admin.patch(`/api/assets/${asset.id}`, {
      name: "ThinkPad X1",
      status: "in_repair",
      assignee_id: null,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(
      [edited.json().name, edited.json().status, edited.json().assignee],
      ["ThinkPad X1", "in_repair", null],
    );
    const other = await create(a, newAsset("CRUD-2"));
    problem(await a.admin.patch(`/api/assets/${other.id}`, { asset_tag: "Crud-1" }), 409, /Crud-1/);

    problem(await a.admin.post("/api/assets", { ...newAsset("X"), status: "lost" }), 422, /status/);
    problem(await a.admin.post("/api/assets", { name: "No tag", category: "Laptop" }), 422, /asset_tag/);
    problem(
      await a.admin.post("/api/assets", { ...newAsset("Y"), assignee_id: b.adminId }),
      422,
      /assignee_id/,
    );
    problem(await a.admin.get("/api/assets/not-an-id"), 422);
    // Another tenant's asset is unknown here.
    const ofB = await create(b, newAsset("B-ONLY"));
    problem(await a.admin.get(`/api/assets/${ofB.id}`), 404);
    problem(await a.admin.patch(`/api/assets/${ofB.id}`, { name: "Pwned" }), 404);
    problem(await a.admin.delete(`/api/assets/${ofB.id}`), 404);
    // A reporter has no assets:read.
    problem(await a.reporter.get("/api/assets"), 403, /assets:read/);
  });

  test("search (word prefixes, exact tag), filters and keyset pages that cover every asset once", async () => {
    const side = await makeSide(t);
    const kinds = [
      ["Laptop", "Dell Latitude", "HQ"],
      ["Monitor", "Dell U2723", "Lab"],
      ["Phone", "iPhone 15", "HQ"],
    ] as const;
    for (let i = 0; i < 12; i++) {
      const [category, model, location] = kinds[i % 3] as (typeof kinds)[number];
      await create(side, {
        name: `${model} #${i}`,
        asset_tag: `PG-${String(i).padStart(3, "0")}`,
        category,
        location,
        status: i % 4 === 0 ? "in_stock" : "in_use",
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await side.admin.get(`/api/assets?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json();
      seen.push(...page.data.map((x: { asset_tag: string }) => x.asset_tag));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 12);
    const names = (await side.admin.get("/api/assets?limit=100"))
      .json()
      .data.map((x: { name: string }) => x.name);
    assert.deepEqual(
      names,
      [...names].sort((x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)),
    );

    const q = async (query: string) =>
      (await side.admin.get(`/api/assets?${query}`))
        .json()
        .data.map((x: { asset_tag: string }) => x.asset_tag)
        .sort();
    assert.deepEqual(await q("q=latit"), ["PG-000", "PG-003", "PG-006", "PG-009"]);
    assert.deepEqual(await q("q=dell%20u27"), ["PG-001", "PG-004", "PG-007", "PG-010"]);
    assert.deepEqual(await q("q=pg-011"), ["PG-011"]);
    assert.deepEqual(await q("category=Phone&location=HQ"), ["PG-002", "PG-005", "PG-008", "PG-011"]);
    assert.deepEqual(await q("status=in_stock"), ["PG-000", "PG-004", "PG-008"]);
    assert.deepEqual(await q("status=in_stock&category=Monitor"), ["PG-004"]);
    assert.deepEqual(await q("q=nothing-like-this"), []);
    // A search is paged with the same cursors (its page is cut inside asset_search()).
    const dell: string[] = [];
    let next: string | null = null;
    do {
      const res = await side.admin.get(`/api/assets?q=dell&limit=3${next ? `&cursor=${next}` : ""}`);
      const page: { data: { asset_tag: string }[]; next_cursor: string | null } = res.json();
      dell.push(...page.data.map((x) => x.asset_tag));
      next = page.next_cursor;
    } while (next);
    assert.deepEqual(dell.sort(), [
      "PG-000",
      "PG-001",
      "PG-003",
      "PG-004",
      "PG-006",
      "PG-007",
      "PG-009",
      "PG-010",
    ]);
    assert.deepEqual(await q("q=dell&status=in_stock"), ["PG-000", "PG-004"]);
    // The filter choices: each category and location once, sorted; empty locations are not offered.
    await create(side, { name: "Spare cable", asset_tag: "PG-100", category: "Cable" });
    assert.deepEqual((await side.admin.get("/api/assets/facets")).json(), {
      categories: ["Cable", "Laptop", "Monitor", "Phone"],
      locations: ["HQ", "Lab"],
    });
    // People to assign: active users of this tenant only, by part of the name or email.
    const people = (await side.admin.get("/api/assets/people?q=REPORTER")).json();
    assert.deepEqual(
      people.map((p: { email: string }) => p.email),
      [`reporter@${side.tenant.slug}.test`],
    );
    assert.deepEqual((await side.admin.get(`/api/assets/people?q=${a.tenant.slug}`)).json(), []);
    problem(await side.reporter.get("/api/assets/people"), 403, /assets:manage|assets:read/);
    problem(await side.admin.get(`/api/assets/people?q=${"x".repeat(101)}`), 422, /q/);
    problem(await side.admin.get("/api/assets?cursor=garbage"), 422, /cursor/);
    problem(await side.admin.get("/api/assets?limit=101"), 422, /limit/);
    problem(await side.admin.get("/api/assets?status=lost"), 422, /status/);
  });

  test("movements: recorded from where the asset was, the asset follows; a no-op, a stranger, another tenant's asset refused", async () => {
    const asset = await create(a, newAsset("MOVE-1"));
    const moved = await a.admin.post(`/api/assets/${asset.id}/movements`, {
      to_location: "Lab",
      to_person_id: a.adminId,
      note: "For testing",
    });
    assert.equal(moved.statusCode, 201, moved.body);
    assert.equal(moved.json().from_location, "HQ");
    assert.equal(moved.json().to_location, "Lab");
    assert.equal(moved.json().to_person.id, a.adminId);
    assert.equal(moved.json().recorded_by.id, a.adminId);
    const now = (await a.admin.get(`/api/assets/${asset.id}`)).json();
    assert.deepEqual([now.location, now.assignee.id], ["Lab", a.adminId]);
    const second = await a.admin.post(`/api/assets/${asset.id}/movements`, {
      to_location: "Storage",
      to_person_id: null,
      moved_at: new Date(Date.now() - 1000).toISOString(),
    });
    assert.equal(second.statusCode, 201, second.body);
    const list = (await a.admin.get(`/api/assets/${asset.id}/movements`)).json();
    assert.deepEqual(
      list.map((m: { to_location: string }) => m.to_location),
      // By when it moved (the second move was dated a second before the first), not when recorded.
      ["Lab", "Storage"],
    );
    assert.deepEqual(list[0].tickets, []);
    const before = await count("asset_movements", a.tenant.id);
    problem(
      await a.admin.post(`/api/assets/${asset.id}/movements`, { to_location: "Storage" }),
      422,
      /to_location/,
    );
    problem(
      await a.admin.post(`/api/assets/${asset.id}/movements`, { to_person_id: b.adminId }),
      422,
      /to_person_id/,
    );
    const ofB = await create(b, newAsset("MOVE-B"));
    problem(await a.admin.post(`/api/assets/${ofB.id}/movements`, { to_location: "Lab" }), 404);
    problem(await a.admin.get(`/api/assets/${ofB.id}/movements`), 404);
    assert.equal(await count("asset_movements", a.tenant.id), before);
  });

  test("tickets link their asset (agent and desk); another tenant's asset or a movement of another asset is a 422 and nothing is created", async () => {
    const asset = await create(a, newAsset("LINK-1"));
    const other = await create(a, newAsset("LINK-2"));
    const move = (await a.admin.post(`/api/assets/${other.id}/movements`, { to_location: "Lab" })).json() as {
      id: string;
    };
    const agent = await a.admin.post("/api/tickets", {
      title: "Fan noise",
      description: "",
      type: "incident",
      asset_id: asset.id,
    });
    assert.equal(agent.statusCode, 201, agent.body);
    assert.deepEqual(agent.json().asset, { id: asset.id, name: asset.name, tag: "LINK-1", deleted: false });
    const desk = await a.reporter.post("/api/desk/tickets", {
      title: "Screen flickers",
      description: "Since Monday",
      type: "incident",
      asset_id: asset.id,
    });
    assert.equal(desk.statusCode, 201, desk.body);
    assert.equal(desk.json().asset.tag, "LINK-1");
    assert.equal((await a.reporter.get(`/api/desk/tickets/${desk.json().id}`)).json().asset.tag, "LINK-1");
    const history = (await a.admin.get(`/api/tickets/${agent.json().id}/history`)).json();
    assert.ok(
      history.some(
        (h: { kind: string; field: string; newValue?: string; new_value?: string }) =>
          h.kind === "link" && h.field === "asset",
      ),
      JSON.stringify(history),
    );

    const tickets = await count("tickets", a.tenant.id);
    const ofB = await create(b, newAsset("LINK-B"));
    problem(
      await a.admin.post("/api/tickets", { title: "T", description: "", type: "incident", asset_id: ofB.id }),
      422,
      /asset_id/,
    );
    problem(
      await a.reporter.post("/api/desk/tickets", {
        title: "T",
        description: "x",
        type: "incident",
        asset_id: ofB.id,
      }),
      422,
      /asset_id/,
    );
    problem(
      await a.admin.post("/api/tickets", {
        title: "T",
        description: "",
        type: "incident",
        asset_id: asset.id,
        movement_id: move.id,
      }),
      422,
      /movement_id: is not a movement of this asset/,
    );
    problem(
      await a.admin.post("/api/tickets", {
        title: "T",
        description: "",
        type: "incident",
        movement_id: move.id,
      }),
      422,
      /movement_id/,
    );
    assert.equal(await count("tickets", a.tenant.id), tickets);

    // Its own movement is fine, and the movement lists the ticket.
    const withMove = await a.admin.post("/api/tickets", {
      title: "Broke in transit",
      description: "",
      type: "incident",
      asset_id: other.id,
      movement_id: move.id,
    });
    assert.equal(withMove.statusCode, 201, withMove.body);
    assert.equal(withMove.json().movement.id, move.id);
    const moves = (await a.admin.get(`/api/assets/${other.id}/movements`)).json();
    assert.deepEqual(
      moves[0].tickets.map((x: { number: string }) => x.number),
      [withMove.json().number],
    );
  });

  test("the movement link: one movement of the ticket's asset, a history entry per change; another asset's movement is a 422", async () => {
    const asset = await create(a, newAsset("ML-1"));
    const other = await create(a, newAsset("ML-2"));
    const m1 = (await a.admin.post(`/api/assets/${asset.id}/movements`, { to_location: "Lab" })).json();
    const foreign = (await a.admin.post(`/api/assets/${other.id}/movements`, { to_location: "Lab" })).json();
    const ticket = (
      await a.admin.post("/api/tickets", {
        title: "Dented",
        description: "",
        type: "incident",
        asset_id: asset.id,
      })
    ).json();
    const linked = await a.admin.put(`/api/tickets/${ticket.number}/movement`, { movement_id: m1.id });
    assert.equal(linked.statusCode, 200, linked.body);
    assert.equal(linked.json().movement_id, m1.id);
    assert.equal(linked.json().movement.to_location, "Lab");
    problem(
      await a.admin.put(`/api/tickets/${ticket.id}/movement`, { movement_id: foreign.id }),
      422,
      /not a movement of this ticket's asset/,
    );
    assert.equal((await a.admin.get(`/api/tickets/${ticket.id}`)).json().movement_id, m1.id);
    problem(await a.admin.put(`/api/tickets/${ticket.id}/movement`, {}), 422, /movement_id/);
    const unlinked = await a.admin.put(`/api/tickets/${ticket.id}/movement`, { movement_id: null });
    assert.equal(unlinked.json().movement_id, null);
    const entries = (await a.admin.get(`/api/tickets/${ticket.id}/history`))
      .json()
      .filter((h: { kind: string; field: string }) => h.kind === "link" && h.field === "movement");
    assert.equal(entries.length, 2);
    // A ticket without an asset has nothing to link to; another tenant's movement neither.
    const bare = (
      await a.admin.post("/api/tickets", { title: "Bare", description: "", type: "incident" })
    ).json();
    problem(await a.admin.put(`/api/tickets/${bare.id}/movement`, { movement_id: m1.id }), 422, /no asset/);
    problem(await b.admin.put(`/api/tickets/${ticket.id}/movement`, { movement_id: m1.id }), 404);
  });

  test("deletion: refused while open tickets refer to the asset (listing their numbers), allowed once they are done; the tickets keep the asset's name and tag", async () => {
    const asset = await create(a, newAsset("DEL-1"));
    const move = (await a.admin.post(`/api/assets/${asset.id}/movements`, { to_location: "Lab" })).json();
    const file = async (title: string, extra: Record<string, unknown> = {}) =>
      (
        await a.admin.post("/api/tickets", {
          title,
          description: "",
          type: "incident",
          asset_id: asset.id,
          ...extra,
        })
      ).json();
    const t1 = await file("First", { movement_id: move.id });
    const t2 = await file("Second");
    const t3 = await file("Third");
    assert.equal(
      (await a.admin.patch(`/api/tickets/${t3.id}`, { status: "cancelled", reason: "dup" })).statusCode,
      200,
    );

    const tab = (await a.admin.get(`/api/assets/${asset.id}/tickets`)).json();
    assert.deepEqual(
      tab.map((x: { number: string; status: string }) => [x.number, x.status]),
      [
        [t2.number, "open"],
        [t1.number, "open"],
        [t3.number, "cancelled"],
      ],
    );

    const refused = problem(await a.admin.delete(`/api/assets/${asset.id}`), 409);
    assert.equal(
      refused.detail,
      `The asset DEL-1 cannot be deleted: 2 tickets that are not closed or cancelled refer to it (${t1.number}, ${t2.number}). Close or cancel them first.`,
    );
    assert.deepEqual(refused.tickets, [t1.number, t2.number]);
    assert.equal((await a.admin.get(`/api/assets/${asset.id}`)).statusCode, 200);

    for (const ticket of [t1, t2]) {
      assert.equal(
        (await a.admin.patch(`/api/tickets/${ticket.id}`, { status: "in_progress" })).statusCode,
        200,
      );
      assert.equal(
        (await a.admin.patch(`/api/tickets/${ticket.id}`, { status: "resolved" })).statusCode,
        200,
      );
      assert.equal((await a.admin.patch(`/api/tickets/${ticket.id}`, { status: "closed" })).statusCode, 200);
    }
    assert.equal((await a.admin.delete(`/api/assets/${asset.id}`)).statusCode, 204);
    problem(await a.admin.get(`/api/assets/${asset.id}`), 404);
    const kept = (await a.admin.get(`/api/tickets/${t1.id}`)).json();
    assert.deepEqual(kept.asset, { id: asset.id, name: asset.name, tag: "DEL-1", deleted: true });
    assert.deepEqual([kept.asset_id, kept.movement_id], [null, null]);
    const history = (await a.admin.get(`/api/tickets/${t1.id}/history`)).json();
    assert.ok(
      history.filter((h: { kind: string }) => h.kind === "link").length >= 3,
      JSON.stringify(history),
    );
    // The tag is free again.
    await create(a, newAsset("DEL-1"));
  });

  test("the Tickets tab shows everyone that tickets exist, but titles only to agents and to each ticket's reporter", async () => {
    const asset = await create(a, newAsset("PRIV-1"));
    await t.nest
      .get(GroupsService)
      .createGroup(a.tenant.id, { name: "Employees", permissions: ["tickets:create", "assets:read"] });
    const email = `employee@${a.tenant.slug}.test`;
    await t.nest
      .get(UsersService)
      .createUser(a.tenant.id, { email, name: "Emil", password: PASSWORD, groups: ["Employees"] });
    const employee = await signedIn(t.app, email);
    const theirs = await employee.post("/api/desk/tickets", {
      title: "My screen flickers",
      description: "Since Monday",
      type: "incident",
      asset_id: asset.id,
    });
    assert.equal(theirs.statusCode, 201, theirs.body);
    const others = await a.admin.post("/api/tickets", {
      title: "Stolen from the CFO's car",
      description: "",
      type: "incident",
      asset_id: asset.id,
    });
    assert.equal(others.statusCode, 201, others.body);

    const seen = (await employee.get(`/api/assets/${asset.id}/tickets`)).json();
    assert.deepEqual(
      seen.map((x: { number: string; title: string | null; readable: boolean }) => [
        x.number,
        x.title,
        x.readable,
      ]),
      [
        [others.json().number, null, false],
        [theirs.json().number, "My screen flickers", true],
      ],
    );
    assert.doesNotMatch(JSON.stringify(seen), /CFO/);
    const agentView = (await a.admin.get(`/api/assets/${asset.id}/tickets`)).json();
    assert.deepEqual(
      agentView.map((x: { title: string; readable: boolean }) => [x.title, x.readable]),
      [
        ["Stolen from the CFO's car", true],
        ["My screen flickers", true],
      ],
    );
  });

  test("asset_integration off: asset_id ignored on create, links hidden, no Tickets tab (403), deletion not blocked", async () => {
    const side = await makeSide(t);
    const asset = await create(side, newAsset("OFF-1"));
    const linked = (
      await side.admin.post("/api/tickets", {
        title: "Linked",
        description: "",
        type: "incident",
        asset_id: asset.id,
      })
    ).json();
    assert.equal(linked.asset_id, asset.id);
    await t.nest.get(LicensingService).setLicense(side.tenant.id, {
      active: true,
      flags: FEATURE_FLAGS.filter((f) => f !== "asset_integration"),
    });
    const ignored = await side.admin.post("/api/tickets", {
      title: "T",
      description: "",
      type: "incident",
      asset_id: asset.id,
    });
    assert.equal(ignored.statusCode, 201, ignored.body);
    assert.deepEqual([ignored.json().asset_id, ignored.json().asset], [null, null]);
    const hidden = (await side.admin.get(`/api/tickets/${linked.id}`)).json();
    assert.deepEqual([hidden.asset_id, hidden.asset], [null, null]);
    const listed = (await side.admin.get("/api/tickets"))
      .json()
      .data.find((x: { id: string }) => x.id === linked.id);
    assert.equal(listed.asset_id, null);
    const off = problem(await side.admin.get(`/api/assets/${asset.id}/tickets`), 403, /asset_integration/);
    assert.equal(off.feature, "asset_integration");
    // The open ticket's hidden link does not block: the asset goes, the ticket keeps its record.
    assert.equal((await side.admin.delete(`/api/assets/${asset.id}`)).statusCode, 204);
    await t.nest
      .get(LicensingService)
      .setLicense(side.tenant.id, { active: true, flags: [...FEATURE_FLAGS] });
    assert.deepEqual((await side.admin.get(`/api/tickets/${linked.id}`)).json().asset, {
      id: asset.id,
      name: asset.name,
      tag: "OFF-1",
      deleted: true,
    });
  });

  test("movement_link off: movement_id ignored on create and hidden, the link route answers 403 naming the flag", async () => {
    const side = await makeSide(
      t,
      FEATURE_FLAGS.filter((f) => f !== "movement_link"),
    );
    const asset = await create(side, newAsset("MOFF-1"));
    const move = (await side.admin.post(`/api/assets/${asset.id}/movements`, { to_location: "Lab" })).json();
    assert.equal(move.tickets, undefined);
    const ticket = await side.admin.post("/api/tickets", {
      title: "T",
      description: "",
      type: "incident",
      asset_id: asset.id,
      movement_id: move.id,
    });
    assert.equal(ticket.statusCode, 201, ticket.body);
    assert.deepEqual([ticket.json().asset.tag, ticket.json().movement_id], ["MOFF-1", null]);
    problem(
      await side.admin.put(`/api/tickets/${ticket.json().id}/movement`, { movement_id: move.id }),
      403,
      /movement_link/,
    );
  });

  test("without the ITSM license assets work and the Tickets tab does not exist (404)", async () => {
    const tenant = await makeTenant(t);
    const admin = await signedIn(t.app, tenant.adminEmail);
    const asset = (await admin.post("/api/assets", newAsset("NOLIC-1"))).json();
    assert.equal((await admin.get("/api/assets")).json().data.length, 1);
    problem(await admin.get(`/api/assets/${asset.id}/tickets`), 404);
    assert.equal((await admin.delete(`/api/assets/${asset.id}`)).statusCode, 204);
  });

  test("GET /public/v1/assets: assets:read, signed cursors, filters, another tenant's assets never shown; the document describes it", async () => {
    const c = new Contract((await t.app.inject({ method: "GET", url: "/public/v1/openapi.json" })).json());
    const side = await makeSide(t);
    for (let i = 0; i < 7; i++)
      await create(
        side,
        newAsset(`API-${i}`, {
          category: i % 2 ? "Monitor" : "Laptop",
          assignee_id: i === 0 ? side.adminId : null,
        }),
      );
    const keys = t.nest.get(ApiKeysService);
    const key = async (scopes: string[]) =>
      new ApiClient(
        t.app,
        (
          await keys.createApiKey(side.tenant.id, {
            scopes,
            ownerEmail: side.tenant.adminEmail,
            createdBy: null,
          })
        ).secret,
      );
    const reader = await key(["assets:read"]);
    const first = await reader.get("assets?limit=3");
    c.check(first, "GET /public/v1/assets");
    assert.equal(first.json().data.length, 3);
    const tags: string[] = first.json().data.map((x: { asset_tag: string }) => x.asset_tag);
    let cursor = first.json().next_cursor as string | null;
    while (cursor) {
      const res = await reader.get(`assets?limit=3&cursor=${encodeURIComponent(cursor)}`);
      c.check(res, "GET /public/v1/assets");
      tags.push(...res.json().data.map((x: { asset_tag: string }) => x.asset_tag));
      cursor = res.json().next_cursor;
    }
    assert.deepEqual([...tags].sort(), ["API-0", "API-1", "API-2", "API-3", "API-4", "API-5", "API-6"]);
    const monitors = await reader.get("assets?category=Monitor&limit=2");
    c.check(monitors, "GET /public/v1/assets");
    assert.ok(monitors.json().data.every((x: { category: string }) => x.category === "Monitor"));
    // A cursor given for other filters, an edited one, a bad status: 422.
    const reused = await reader.get(
      `assets?limit=2&cursor=${encodeURIComponent(monitors.json().next_cursor)}`,
    );
    c.check(reused, "GET /public/v1/assets");
    problem(reused, 422, /cursor/);
    const bad = await reader.get("assets?status=lost");
    c.check(bad, "GET /public/v1/assets");
    problem(bad, 422, /status/);
    const searched = await reader.get("assets?q=api-3");
    assert.deepEqual(
      searched.json().data.map((x: { asset_tag: string }) => x.asset_tag),
      ["API-3"],
    );
    // Without the scope: 403 naming it; without a key: 401.
    const ticketsOnly = await key(["tickets:read"]);
    const noScope = await ticketsOnly.get("assets");
    c.check(noScope, "GET /public/v1/assets");
    problem(noScope, 403, /assets:read/);
    const anonymous = await new ApiClient(t.app, null).get("assets");
    c.check(anonymous, "GET /public/v1/assets");
    problem(anonymous, 401);
    // Tenant A's key lists only A's assets.
    const ofA = new ApiClient(
      t.app,
      (
        await keys.createApiKey(a.tenant.id, {
          scopes: ["assets:read"],
          ownerEmail: a.tenant.adminEmail,
          createdBy: null,
        })
      ).secret,
    );
    const listed = (await ofA.get("assets?q=api&limit=100")).json().data;
    assert.deepEqual(listed, []);
    assert.ok(c.checked >= 6);
  });
});
