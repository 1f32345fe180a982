import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { FEATURE_FLAGS, type TicketEvent } from "@uslimato/domain";
import { inTenant } from "@uslimato/server-data";
import { composeEventMails, type OutgoingMail, unsafeEmailLinkSecret } from "@uslimato/server-emails";
import { LicensingService } from "@uslimato/server-licensing";
import { type Client, makeTenant, PASSWORD, signedIn, startTestApp, type TestApp } from "./helpers.ts";

jest.setTimeout(120_000);

/**
 * composeEventMails on the outbox rows real ticket changes wrote: who gets which mail, rendered how.
 * (The pipeline that sends them is tested with the notification worker.)
 */
describe("the mails of each ticket event", () => {
  let t: TestApp;
  let tenantId: string;
  let admin: Client;
  let agent: Client;
  let agent2: Client;
  let reporter: Client;
  const ids: Record<string, string> = {};
  let secret: string;
  let seen = new Set<string>();

  /** The outbox rows written since the last call, each composed into its mails. */
  async function newMails(): Promise<{ event: string; mails: OutgoingMail[] }[]> {
    const rows: { id: string; event: string; payload: TicketEvent["payload"] }[] =
      await t.database.dataSource.query(
        "select id, event, payload from outbox where tenant_id = $1 order by created_at, id",
        [tenantId],
      );
    const fresh = rows.filter((r) => !seen.has(r.id));
    seen = new Set(rows.map((r) => r.id));
    const out = [];
    for (const row of fresh) {
      const event = { name: row.event, payload: row.payload } as TicketEvent;
      const mails = await inTenant(t.database.dataSource, tenantId, (em) =>
        composeEventMails(em, event, row.id, { publicUrl: "https://desk.acme.test", secret }),
      );
      out.push({ event: row.event, mails });
    }
    return out;
  }
  // One change's events share a statement, so their order among themselves is not defined: by name.
  const summary = (list: { event: string; mails: OutgoingMail[] }[]) =>
    [...list]
      .sort((a, b) => a.event.localeCompare(b.event))
      .map(({ event, mails }) => [event, mails.map((m) => m.to)]);

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await makeTenant(t, { license: true });
    tenantId = tenant.id;
    admin = await signedIn(t.app, tenant.adminEmail);
    const groups = (await admin.get("/api/groups")).json();
    const agents = groups.find((g: { systemKey: string }) => g.systemKey === "itsm_agent").id;
    const reporters = (
      await admin.post("/api/groups", { name: "Reporters", permissions: ["tickets:create"] })
    ).json();
    for (const [name, group] of [
      ["agent", agents],
      ["agent2", agents],
      ["reporter", reporters.id],
    ]) {
      const u = await admin.post("/api/users", {
        email: `${name}@acme.test`,
        name: `${name} <b>`,
        password: PASSWORD,
      });
      assert.equal(u.statusCode, 201, u.body);
      ids[name as string] = u.json().id;
      assert.equal((await admin.put(`/api/groups/${group}/members/${u.json().id}`)).statusCode, 200);
    }
    agent = await signedIn(t.app, "agent@acme.test");
    agent2 = await signedIn(t.app, "agent2@acme.test");
    reporter = await signedIn(t.app, "reporter@acme.test");
    secret = await unsafeEmailLinkSecret(t.database.dataSource);
    await newMails();
  });
  afterAll(() => t?.close());

  test("a ticket's life: exactly the expected mails to exactly the expected people", async () => {
    const created = await reporter.post("/api/desk/tickets", {
      title: 'Printer <script>alert("x")</script>',
      description: "It prints blank pages",
      type: "incident",
    });
    assert.equal(created.statusCode, 201, created.body);
    const ticket = created.json();
    const onCreate = await newMails();
    // The agent queue (every tickets:manage holder), not the reporter who filed it.
    assert.deepEqual(summary(onCreate), [["ticket.created", ["agent2@acme.test", "agent@acme.test"]]]);
    const mail = onCreate[0]?.mails[0] as OutgoingMail;
    assert.equal(mail.subject, `[${ticket.number}] New ticket: Printer <script>alert("x")</script>`);
    assert.ok(!mail.html.includes("<script>"), "the title is escaped in the HTML part");
    assert.match(mail.html, /Printer &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(mail.html, /reporter &lt;b&gt;/);
    assert.match(mail.text, /reporter <b> reported "Printer <script>alert\("x"\)<\/script>"/);
    assert.equal(mail.recipientUserId, ids.agent2);
    assert.ok(!mail.deliveryKey.includes(":"));
    assert.notEqual(onCreate[0]?.mails[1]?.deliveryKey, mail.deliveryKey);

    // agent assigns agent2: the assignee is told; picking up moves it to in progress: the reporter too.
    assert.equal(
      (await agent.patch(`/api/tickets/${ticket.id}`, { assignee_id: ids.agent2 })).statusCode,
      200,
    );
    assert.deepEqual(summary(await newMails()), [
      ["ticket.assigned", ["agent2@acme.test"]],
      ["ticket.status_changed", ["reporter@acme.test"]],
    ]);

    // An internal note reaches nobody; an external comment reaches the reporter.
    await agent2.post(`/api/tickets/${ticket.id}/comments`, {
      body: "budget code 42",
      visibility: "internal",
    });
    await agent2.post(`/api/tickets/${ticket.id}/comments`, {
      body: "Replaced the toner <img src=x onerror=alert(1)>",
      visibility: "external",
    });
    const comments = await newMails();
    assert.deepEqual(summary(comments), [
      ["ticket.comment_added", []],
      ["ticket.comment_added", ["reporter@acme.test"]],
    ]);
    const reply = comments[1]?.mails[0] as OutgoingMail;
    assert.ok(!reply.html.includes("<img"), reply.html);
    assert.match(reply.text, /Replaced the toner <img src=x onerror=alert\(1\)>/);
    assert.ok(!JSON.stringify(comments).includes("budget code 42"));

    // The reporter's own comment: not mailed to themselves (and agents are not in the seed's table).
    await reporter.post(`/api/desk/tickets/${ticket.id}/comments`, { body: "Thanks" });
    assert.deepEqual(summary(await newMails()), [["ticket.comment_added", []]]);

    // Resolving: one mail to the reporter, with working confirm and reject links.
    assert.equal((await agent2.patch(`/api/tickets/${ticket.id}`, { status: "resolved" })).statusCode, 200);
    const resolved = await newMails();
    assert.deepEqual(summary(resolved), [
      ["ticket.resolved", ["reporter@acme.test"]],
      ["ticket.status_changed", []],
    ]);
    const ask = resolved.find((r) => r.event === "ticket.resolved")?.mails[0] as OutgoingMail;
    // The text part lists each link under its answer (see the built-in template).
    const linkAfter = (label: string) =>
      new RegExp(`${label}:\\nhttps://desk\\.acme\\.test(/ticket-actions/[\\w-]+\\.[\\w-]+)\\n`).exec(
        ask.text,
      )?.[1];
    const confirm = linkAfter("Yes, it is solved");
    const reject = linkAfter("No, it is not solved");
    assert.notEqual(confirm, reject);
    assert.ok(confirm && reject, ask.text);
    assert.ok(ask.html.includes(`href="https://desk.acme.test${confirm}"`), "the HTML part links the same");

    // Confirming from the mail's link closes the ticket; the reporter is the actor: nobody is mailed.
    const done = await t.app.inject({
      method: "POST",
      url: confirm,
      headers: { accept: "application/json" },
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().ticket.status, "closed");
    assert.deepEqual(summary(await newMails()), [
      ["ticket.closed", []],
      ["ticket.status_changed", []],
    ]);
    const history = (await agent.get(`/api/tickets/${ticket.id}/history`)).json();
    const last = history.at(-1);
    assert.equal(last.new_value, "closed");
    assert.equal(last.actor.id, ids.reporter);
  });

  test("a title with CR/LF and header-like text stays in the subject line", async () => {
    const res = await agent.post("/api/tickets", {
      title: "Hello\r\nBcc: everyone@acme.test\r\nX-Priority: 1",
      description: "",
      type: "incident",
      reporter_id: ids.reporter,
    });
    assert.equal(res.statusCode, 201, res.body);
    const [created] = await newMails();
    const mails = created?.mails ?? [];
    assert.deepEqual(
      mails.map((m) => m.to),
      ["reporter@acme.test", "agent2@acme.test"],
    );
    for (const m of mails) {
      assert.doesNotMatch(m.subject, /[\r\n]/);
      assert.match(m.subject, /Hello Bcc: everyone@acme\.test X-Priority: 1$/);
    }
  });

  test("the queue address replaces the agents; custom templates apply with their flag only", async () => {
    assert.equal((await admin.patch("/api/settings/itsm", { queueEmail: "desk@acme.test" })).statusCode, 200);
    const saved = await admin.put("/api/settings/itsm/email-templates/ticket.created", {
      subject: "NEW {{ticket_number}} {{ticket_title}}",
      html: "<p>{{ticket_title}} by {{reporter_name}}</p>",
      text: "{{ticket_title}} by {{reporter_name}}",
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const ticket = (
      await reporter.post("/api/desk/tickets", {
        title: "Mouse & keyboard",
        description: "Both",
        type: "incident",
      })
    ).json();
    const [created] = await newMails();
    assert.deepEqual(
      created?.mails.map((m) => [m.to, m.recipientUserId]),
      [["desk@acme.test", null]],
    );
    const mail = created?.mails[0] as OutgoingMail;
    assert.equal(mail.subject, `NEW ${ticket.number} Mouse & keyboard`);
    assert.equal(mail.html, "<p>Mouse &amp; keyboard by reporter &lt;b&gt;</p>");
    assert.equal(mail.text, "Mouse & keyboard by reporter <b>");

    // email_templates off: the stored template stays but the built-in one is used.
    const licensing = t.nest.get(LicensingService);
    await licensing.setLicense(tenantId, {
      active: true,
      flags: FEATURE_FLAGS.filter((f) => f !== "email_templates"),
    });
    await reporter.post("/api/desk/tickets", { title: "Screen", description: "Flickers", type: "incident" });
    const [builtin] = await newMails();
    assert.match(builtin?.mails[0]?.subject ?? "", /^\[TKT-\d+\] New ticket: Screen$/);
    await licensing.setLicense(tenantId, { active: true, flags: [...FEATURE_FLAGS] });
    await admin.patch("/api/settings/itsm", { queueEmail: null });
  });

  test("email_notifications off: no mail, even for an event already queued", async () => {
    await reporter.post("/api/desk/tickets", {
      title: "Queued",
      description: "Before the flag went off",
      type: "incident",
    });
    const rows: { id: string; event: string; payload: TicketEvent["payload"] }[] =
      await t.database.dataSource.query(
        "select id, event, payload from outbox where tenant_id = $1 order by created_at desc, id desc limit 1",
        [tenantId],
      );
    const row = rows[0] as (typeof rows)[number];
    const licensing = t.nest.get(LicensingService);
    await licensing.setLicense(tenantId, {
      active: true,
      flags: FEATURE_FLAGS.filter((f) => f !== "email_notifications"),
    });
    const event = { name: row.event, payload: row.payload } as TicketEvent;
    const mails = await inTenant(t.database.dataSource, tenantId, (em) =>
      composeEventMails(em, event, row.id, { publicUrl: "https://desk.acme.test", secret }),
    );
    assert.deepEqual(mails, []);
    await licensing.setLicense(tenantId, { active: true, flags: [...FEATURE_FLAGS] });
    const again = await inTenant(t.database.dataSource, tenantId, (em) =>
      composeEventMails(em, event, row.id, { publicUrl: "https://desk.acme.test", secret }),
    );
    assert.equal(again.length, 2, "the same event with the flag on is mailed: the flag made the difference");
  });
});
