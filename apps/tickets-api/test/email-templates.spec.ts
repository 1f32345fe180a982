import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { FEATURE_FLAGS, TICKET_EVENTS } from "@uslimato/domain";
import { BUILTIN_TEMPLATES, mailDir } from "@uslimato/server-emails";
import type { LightMyRequestResponse } from "fastify";
import { simpleParser } from "mailparser";
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

const URL = "/api/settings/itsm/email-templates";
const custom = {
  subject: "{{ticket_number}} has a reply",
  html: "<p>{{reporter_name}}, about {{ticket_title}}:</p><blockquote>{{comment_body}}</blockquote>",
  text: "{{reporter_name}}, about {{ticket_title}}:\n{{comment_body}}",
};

function assertProblem(res: LightMyRequestResponse, status: number, detail: RegExp): void {
  assert.equal(res.statusCode, status, res.body.slice(0, 300));
  assert.match(res.headers["content-type"] as string, /^application\/problem\+json/);
  assert.match(res.json().detail, detail);
}

describe("Settings → ITSM → Email templates", () => {
  let t: TestApp;
  let admin: Client;
  let adminEmail: string;
  const templates = () => snapshot(t, ["email_templates"]);
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await makeTenant(t, { license: true });
    adminEmail = tenant.adminEmail;
    admin = await signedIn(t.app, tenant.adminEmail);
  });
  afterAll(() => t?.close());

  test("lists the six events with the built-in templates and their placeholders", async () => {
    const res = await admin.get(URL);
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json();
    assert.deepEqual(
      list.map((x: { event: string }) => x.event),
      [...TICKET_EVENTS],
    );
    for (const row of list) {
      assert.equal(row.custom, false);
      assert.deepEqual(
        { subject: row.subject, html: row.html, text: row.text },
        BUILTIN_TEMPLATES[row.event as keyof typeof BUILTIN_TEMPLATES],
      );
      assert.ok(row.placeholders.includes("ticket_title"));
      assert.equal(row.placeholders.includes("confirm_url"), row.event === "ticket.resolved");
    }
  });

  test("saves a custom template, lists it as custom, and resets it to the built-in one", async () => {
    const saved = await admin.put(`${URL}/ticket.comment_added`, custom);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), {
      event: "ticket.comment_added",
      ...custom,
      custom: true,
      placeholders: [
        "ticket_number",
        "ticket_title",
        "ticket_status",
        "assignee_name",
        "reporter_name",
        "comment_body",
      ],
    });
    const row = (await admin.get(URL))
      .json()
      .find((x: { event: string }) => x.event === "ticket.comment_added");
    assert.equal(row.custom, true);
    assert.equal(row.html, custom.html);
    const reset = await admin.delete(`${URL}/ticket.comment_added`);
    assert.equal(reset.statusCode, 204, reset.body);
    const after = (await admin.get(URL))
      .json()
      .find((x: { event: string }) => x.event === "ticket.comment_added");
    assert.equal(after.custom, false);
    assert.equal(after.html, BUILTIN_TEMPLATES["ticket.comment_added"].html);
    assert.equal((await admin.delete(`${URL}/ticket.comment_added`)).statusCode, 204);
  });

  test("an unknown placeholder is named and refused; nothing is stored", async () => {
    await admin.put(`${URL}/ticket.created`, custom);
    const before = await templates();
    const res = await admin.put(`${URL}/ticket.created`, { ...custom, html: "<p>{{ticket_owner}}</p>" });
    assertProblem(res, 422, /ticket_owner/);
    assert.equal(res.json().errors.length, 1);
    assert.equal(res.json().errors[0].field, "html");
    assert.match(res.json().errors[0].message, /unknown placeholder \{\{ticket_owner\}\}/);
    // The links exist in the resolved mail only.
    const links = await admin.put(`${URL}/ticket.closed`, { ...custom, text: "{{confirm_url}}" });
    assertProblem(links, 422, /confirm_url/);
    assert.deepEqual(await templates(), before);
  });

  test("unbalanced braces and sections, unescaped HTML values are refused; nothing is stored", async () => {
    const before = await templates();
    for (const [field, value, message] of [
      ["subject", "{{ticket_number} new", /unbalanced/],
      ["text", "{{#assignee_name}}never closed", /unbalanced/],
      ["html", "<p>ticket_title}}</p>", /unbalanced/],
      ["html", "<p>{{{comment_body}}}</p>", /without HTML escaping/],
    ] as const) {
      const res = await admin.put(`${URL}/ticket.created`, { ...custom, [field]: value });
      assertProblem(res, 422, message);
      assert.equal(res.json().errors[0].field, field);
    }
    assert.deepEqual(await templates(), before);
  });

  test("1 MB of text is refused naming the field (422), more than the body limit with 413; nothing stored", async () => {
    const before = await templates();
    const big = await admin.put(`${URL}/ticket.created`, { ...custom, text: "x".repeat(1_000_000) });
    assertProblem(big, 422, /text/);
    assert.deepEqual(big.json().errors, [{ field: "text", message: "must be at most 100,000 characters" }]);
    const huge = await admin.put(`${URL}/ticket.created`, { ...custom, html: "x".repeat(1024 * 1024) });
    assertProblem(huge, 413, /.+/);
    assert.deepEqual(await templates(), before);
  });

  test("bad bodies and events are refused by the DTOs", async () => {
    const missing = await admin.put(`${URL}/ticket.created`, { subject: "x" });
    assertProblem(missing, 422, /html/);
    const extra = await admin.put(`${URL}/ticket.created`, { ...custom, from: "ceo@acme.test" });
    assert.deepEqual(extra.json().errors, [{ field: "from", message: "is not a known field" }]);
    const event = await admin.put(`${URL}/ticket.deleted`, custom);
    assertProblem(event, 422, /event/);
  });

  test("preview renders the sample, HTML-escaped in the HTML part; nothing is stored", async () => {
    const before = await templates();
    const res = await admin.post(`${URL}/ticket.resolved/preview`, {
      subject: "{{ticket_number}}\r\nBcc: x@evil.test",
      html: '<a href="{{confirm_url}}">{{ticket_title}}</a> & {{comment_body}}',
      text: "{{comment_body}} {{reject_url}}",
    });
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json();
    assert.equal(out.subject, "TKT-000042 Bcc: x@evil.test");
    assert.match(
      out.html,
      /^<a href="http:\/\/localhost:3000\/ticket-actions\/example-confirm-link">The printer/,
    );
    assert.match(
      out.text,
      /^We replaced the toner cartridge\. Could you print a test page\?\nThanks, Alex http/,
    );
    assert.deepEqual(await templates(), before);
    assertProblem(
      await admin.post(`${URL}/ticket.created/preview`, { ...custom, text: "{{nope}}" }),
      422,
      /nope/,
    );
  });

  test("test send: 202, the rendered sample to the signed-in user's own address", async () => {
    const res = await admin.post(`${URL}/ticket.created/test-send`, BUILTIN_TEMPLATES["ticket.created"]);
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().to, adminEmail);
    // No SMTP_URL in tests: the mail is an .eml file under DATA_DIR/mail.
    const dir = mailDir(t.config);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml"));
    assert.equal(files.length, 1);
    const mail = await simpleParser(fs.readFileSync(path.join(dir, files[0] as string)));
    assert.equal(mail.subject, "[Test] [TKT-000042] New ticket: The printer on floor 3 prints blank pages");
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    assert.equal(to?.value[0]?.address, adminEmail);
    assert.match(String(mail.html), /Robin Reporter/);
    assert.match(mail.text ?? "", /Robin Reporter reported "The printer on floor 3 prints blank pages"/);
  });

  test("needs settings:manage; the email_templates flag off is a 403 naming the flag", async () => {
    const agentEmail = "agent@templates.test";
    const created = await admin.post("/api/users", { email: agentEmail, name: "Agent", password: PASSWORD });
    assert.equal(created.statusCode, 201, created.body);
    const agent = await signedIn(t.app, agentEmail);
    assertProblem(await agent.get(URL), 403, /settings:manage/);

    const other = await makeTenant(t, {
      license: { flags: FEATURE_FLAGS.filter((f) => f !== "email_templates") },
    });
    const otherAdmin = await signedIn(t.app, other.adminEmail);
    for (const res of [
      await otherAdmin.get(URL),
      await otherAdmin.put(`${URL}/ticket.created`, custom),
      await otherAdmin.delete(`${URL}/ticket.created`),
      await otherAdmin.post(`${URL}/ticket.created/preview`, custom),
      await otherAdmin.post(`${URL}/ticket.created/test-send`, custom),
    ]) {
      assertProblem(res, 403, /email_templates/);
      assert.equal(res.json().feature, "email_templates");
    }
  });
});

describe("Settings → ITSM: the queue address", () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await makeTenant(t, { license: true });
    admin = await signedIn(t.app, tenant.adminEmail);
  });
  afterAll(() => t?.close());

  test("is an email address or nothing", async () => {
    assert.equal((await admin.get("/api/settings/itsm")).json().queueEmail, null);
    const set = await admin.patch("/api/settings/itsm", { queueEmail: " desk@acme.test " });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().queueEmail, "desk@acme.test");
    const bad = await admin.patch("/api/settings/itsm", { queueEmail: "desk@acme.test\r\nBcc: x@evil.test" });
    assertProblem(bad, 422, /queueEmail/);
    assert.deepEqual(bad.json().errors, [{ field: "queueEmail", message: "must be an email address" }]);
    assert.equal((await admin.get("/api/settings/itsm")).json().queueEmail, "desk@acme.test");
    // Other settings leave it alone; null clears it.
    assert.equal(
      (await admin.patch("/api/settings/itsm", { autoCloseDays: 3 })).json().queueEmail,
      "desk@acme.test",
    );
    const cleared = await admin.patch("/api/settings/itsm", { queueEmail: null });
    assert.equal(cleared.json().queueEmail, null);
  });
});
