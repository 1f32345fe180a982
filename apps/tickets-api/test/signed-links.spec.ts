import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { signActionLink, type TicketAction, unsafeEmailLinkSecret } from "@uslimato/server-emails";
import type { LightMyRequestResponse } from "fastify";
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

const DAY = 24 * 3600 * 1000;
const JSON_ACCEPT = { accept: "application/json" };
const PAGE_ACCEPT = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

/** The confirm/reject links of ticket.resolved mails: no sign-in, GET asks, POST acts, nothing forged works. */
describe("signed confirm/reject links", () => {
  let t: TestApp;
  let tenantId: string;
  let agent: Client;
  let reporter: Client;
  let secret: string;
  const state = () => snapshot(t, ["tickets", "ticket_history", "ticket_comments"]);

  async function resolvedTicket(): Promise<string> {
    const created = await reporter.post("/api/desk/tickets", {
      title: "VPN drops",
      description: "Hourly",
      type: "incident",
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    assert.equal((await agent.patch(`/api/tickets/${id}`, { status: "in_progress" })).statusCode, 200);
    assert.equal((await agent.patch(`/api/tickets/${id}`, { status: "resolved" })).statusCode, 200);
    return id;
  }
  const link = (
    ticketId: string,
    action: TicketAction,
    expiresAt = new Date(Date.now() + 14 * DAY),
    key = secret,
  ) => `/ticket-actions/${signActionLink({ tenantId, ticketId, action, expiresAt }, key)}`;
  const status = async (id: string) => (await agent.get(`/api/tickets/${id}`)).json().status;
  const inject = (method: "GET" | "POST", url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  function assertPage(res: LightMyRequestResponse, code: number, text: RegExp) {
    assert.equal(res.statusCode, code, res.body.slice(0, 500));
    assert.match(res.headers["content-type"] as string, /^text\/html/);
    assert.match(res.body, text);
    // The same security headers as every answer, and the token neither cached nor sent as Referer.
    assert.match(res.headers["content-security-policy"] as string, /script-src 'self'/);
    assert.equal(res.headers["x-frame-options"], "DENY");
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.doesNotMatch(res.body, /<script/i);
  }

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await makeTenant(t, { license: true });
    tenantId = tenant.id;
    const admin = await signedIn(t.app, tenant.adminEmail);
    const groups = (await admin.get("/api/groups")).json();
    const agents = groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent").id;
    const reporters = (
      await admin.post("/api/groups", { name: "Reporters", permissions: ["tickets:create"] })
    ).json();
    for (const [name, group] of [
      ["agent", agents],
      ["reporter", reporters.id],
    ]) {
      const u = (
        await admin.post("/api/users", { email: `${name}@links.test`, name, password: PASSWORD })
      ).json();
      await admin.put(`/api/groups/${group}/members/${u.id}`);
    }
    agent = await signedIn(t.app, "agent@links.test");
    reporter = await signedIn(t.app, "reporter@links.test");
    secret = await unsafeEmailLinkSecret(t.database.dataSource);
  });
  afterAll(() => t?.close());

  test("GET shows the question and changes nothing; POST confirms and closes the ticket", async () => {
    const id = await resolvedTicket();
    const url = link(id, "confirm");
    const before = await state();
    const page = await inject("GET", url, PAGE_ACCEPT);
    assertPage(page, 200, /Is your problem solved\?/);
    assert.match(page.body, /<form method="post">/);
    assert.match(page.body, /VPN drops/);
    // Scanners fetch links: as often as they like, nothing happens.
    await inject("GET", url, {});
    assert.deepEqual(await state(), before);
    assert.equal(await status(id), "resolved");

    const done = await inject(
      "POST",
      url,
      { ...PAGE_ACCEPT, "content-type": "application/x-www-form-urlencoded" },
      "",
    );
    assertPage(done, 200, /The ticket is closed/);
    assert.equal(await status(id), "closed");
    const history = (await agent.get(`/api/tickets/${id}/history`)).json();
    assert.equal(history.at(-1).new_value, "closed");
    assert.equal(history.at(-1).actor.name, "reporter");

    // Used again on a ticket no longer resolved: a clear answer, nothing changed.
    const after = await state();
    const again = await inject("POST", url, JSON_ACCEPT, {});
    assert.equal(again.statusCode, 409, again.body);
    assert.match(again.headers["content-type"] as string, /problem\+json/);
    assert.match(again.json().detail, /is closed, no longer waiting for your answer/);
    assertPage(await inject("GET", url, PAGE_ACCEPT), 409, /no longer waiting for your answer/);
    assert.deepEqual(await state(), after);
  });

  test("reject: a form with the comment reopens the ticket (in progress) with that comment", async () => {
    const id = await resolvedTicket();
    const url = link(id, "reject");
    assertPage(await inject("GET", url, PAGE_ACCEPT), 200, /<textarea id="comment" name="comment"/);
    const form = { ...PAGE_ACCEPT, "content-type": "application/x-www-form-urlencoded" };
    const before = await state();
    const empty = await inject("POST", url, form, "comment=+++");
    assertPage(empty, 422, /Please say what is still not solved/);
    assert.deepEqual(await state(), before);

    const done = await inject(
      "POST",
      url,
      form,
      `comment=${encodeURIComponent("Still drops <every> hour & more")}`,
    );
    assertPage(done, 200, /open again/);
    assert.equal(await status(id), "in_progress");
    const comments = (await agent.get(`/api/tickets/${id}/comments`)).json();
    assert.equal(comments.at(-1).body, "Still drops <every> hour & more");
    assert.equal(comments.at(-1).visibility, "external");
  });

  test("JSON clients: confirm answers JSON, a reject without comment is a 422 naming it", async () => {
    const id = await resolvedTicket();
    const missing = await inject("POST", link(id, "reject"), JSON_ACCEPT, {});
    assert.equal(missing.statusCode, 422, missing.body);
    assert.deepEqual(missing.json().errors, [{ field: "comment", message: "Say what is still not solved." }]);
    const ok = await inject("POST", link(id, "confirm"), JSON_ACCEPT, {});
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().action, "confirm");
    assert.equal(ok.json().ticket.status, "closed");
  });

  test("forged, tampered, expired and malformed links are refused; nothing changes", async () => {
    const id = await resolvedTicket();
    const before = await state();
    const good = link(id, "confirm");
    // Other claims (their spelling is public) under good's MAC: a reject, a later expiry.
    const mac = good.split(".")[1];
    const claimsOf = (url: string) => url.split(".")[0];
    const tampered = `${claimsOf(link(id, "reject", undefined, "x"))}.${mac}`;
    const extended = `${claimsOf(link(id, "confirm", new Date(Date.now() + 400 * DAY), "x"))}.${mac}`;
    const cases: [string, number, RegExp][] = [
      [link(id, "confirm", undefined, "not the secret"), 403, /not valid/],
      [tampered, 403, /not valid/],
      [extended, 403, /not valid/],
      [link(id, "confirm", new Date(Date.now() - 1000)), 403, /expired/],
      ["/ticket-actions/not-a-token", 404, /does not exist/],
      [link("0190a5b2-0000-7000-8000-00000000dead", "confirm"), 404, /no longer available/],
    ];
    for (const [url, code, detail] of cases) {
      const post = await inject("POST", url, JSON_ACCEPT, {});
      assert.equal(post.statusCode, code, `${url}: ${post.body}`);
      assert.match(post.headers["content-type"] as string, /problem\+json/);
      assert.match(post.json().detail, detail);
      assertPage(
        await inject(
          "POST",
          url,
          { ...PAGE_ACCEPT, "content-type": "application/x-www-form-urlencoded" },
          "",
        ),
        code,
        detail,
      );
      assertPage(await inject("GET", url, PAGE_ACCEPT), code, detail);
    }
    assert.deepEqual(await state(), before);
    assert.equal(await status(id), "resolved");
  });

  test("form bodies stay refused everywhere else (415)", async () => {
    const res = await reporter.request("POST", "/api/desk/tickets", "title=x&description=y&type=incident", {
      "content-type": "application/x-www-form-urlencoded",
    });
    assert.equal(res.statusCode, 415, res.body);
    assert.match(res.headers["content-type"] as string, /problem\+json/);
  });
});
