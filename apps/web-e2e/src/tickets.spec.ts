import assert from "node:assert/strict";
import path from "node:path";
import { beforeAll, jest, test } from "@jest/globals";
import { GroupsService } from "@uslimato/server-access";
import { LicensingService } from "@uslimato/server-licensing";
import { type Actor, TicketsService } from "@uslimato/server-tickets";
import {
  browserSuite,
  describeBrowser,
  openedDialog,
  PHONE,
  SHOTS,
  shot,
  step,
  type TestTenant,
} from "./browser.ts";

jest.setTimeout(300_000);

// Browser tests of the agent portal (/tickets).
describeBrowser("browser: agent portal /tickets", () => {
  const suite = browserSuite();
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await suite.makeTenant({ license: true });
    const groups = suite.get(GroupsService);
    await groups.createGroup(tenant.id, { name: "Reporters", permissions: ["tickets:create"] });
    // Agents who may work tickets but not resolve or close them.
    await groups.createGroup(tenant.id, {
      name: "Dispatchers",
      permissions: ["tickets:manage", "tickets:create"],
    });
    await suite.addUser(tenant.id, "alice@x.test", "Alice Agent", ["ITSM Agent"]);
    await suite.addUser(tenant.id, "bob@x.test", "Bob Agent", ["ITSM Agent"]);
    await suite.addUser(tenant.id, "rita@x.test", "Rita Reporter", ["Reporters"]);
    await suite.addUser(tenant.id, "dan@x.test", "Dan Dispatcher", ["ITSM Agent", "Dispatchers"]);
  });

  test("agents file, pick up, comment on, resolve and close a ticket; the queue updates by itself", async () => {
    const alice = await suite.signedIn("alice@x.test");
    await step(alice, "queue-empty", async () => {
      await alice.waitForURL(/\/tickets$/);
      await alice.getByRole("heading", { name: "Tickets", level: 1 }).waitFor();
      await alice.getByText("No tickets match these filters").waitFor();
    });
    const bob = await suite.signedIn("bob@x.test");
    await bob.waitForURL(/\/tickets$/);
    await bob.getByText("No tickets match these filters").waitFor();
    // Bob's page listens to the change feed (what a new ticket is told through) before Alice files one.
    await bob.getByText("Live", { exact: true }).waitFor();

    // Alice files a ticket on behalf of Rita.
    await step(alice, "new-ticket", async () => {
      await alice.getByRole("button", { name: "New ticket" }).click();
      const dialog = await openedDialog(alice, "New ticket");
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Create ticket" }).click();
      await dialog.getByText("Enter a title").waitFor(); // inline, before anything is sent
      await dialog.getByText("Choose a type").waitFor();
      await dialog.getByLabel("Title").fill("Printer on floor 3 jams <script>alert(1)</script>");
      await dialog
        .getByLabel("Description")
        .fill("Every second page jams.\nManual: https://example.test/printer-manual.\nThanks");
      await dialog.getByLabel("Type").selectOption("incident");
      await dialog.getByLabel("Priority").selectOption("high");
      await dialog.getByLabel("Search people").fill("rita");
      await dialog.getByLabel("Reporter").selectOption({ label: "Rita Reporter (rita@x.test)" });
      await shot(alice, "tickets-new-dialog");
      await dialog.getByRole("button", { name: "Create ticket" }).click();
      await alice.waitForURL(/\/tickets\/TKT-000001$/);
      await alice.getByRole("heading", { level: 1, name: /TKT-000001/ }).waitFor();
      await alice.getByText("TKT-000001 created").first().waitFor();
    });

    // Ticket text is plain text: the markup shows as typed, the address is a link, lines stay lines.
    const heading = alice.getByRole("heading", { level: 1 });
    assert.match((await heading.textContent()) ?? "", /Printer on floor 3 jams <script>alert\(1\)<\/script>/);
    const link = alice.getByRole("link", { name: "https://example.test/printer-manual" });
    assert.equal(await link.getAttribute("href"), "https://example.test/printer-manual");
    assert.equal(await alice.locator("script", { hasText: "alert(1)" }).count(), 0);
    await alice.getByText("Incident reported by Rita Reporter").waitFor();

    // Bob's queue shows the new ticket without a reload.
    await step(bob, "queue-live-new", async () => {
      await bob.getByRole("link", { name: "TKT-000001" }).waitFor({ timeout: 15_000 });
    });
    await shot(bob, "tickets-queue");

    // Alice picks it up.
    await step(alice, "pick-up", async () => {
      await alice.getByRole("button", { name: "Pick up" }).click();
      await alice.getByText("Assigned to Alice Agent").waitFor();
      await alice.getByText("Status changed from open to in progress").waitFor();
      assert.equal(await alice.getByRole("button", { name: "Pick up" }).count(), 0);
      assert.equal(
        await alice.getByLabel("Assignee").inputValue(),
        await alice
          .getByLabel("Assignee")
          .locator("option", { hasText: "Alice Agent" })
          .getAttribute("value"),
      );
    });

    // An internal note (the default), then an explicit reply to the reporter.
    await step(alice, "comments", async () => {
      const box = alice.getByRole("form", { name: "New note or reply" });
      await box.getByRole("radio", { name: "Internal note", checked: true }).waitFor({ state: "attached" });
      await box.getByLabel("Comment").fill("Toner code 42 — order from the usual supplier.");
      await box.getByRole("button", { name: "Add internal note" }).click();
      await alice.locator('article[data-visibility="internal"]', { hasText: "Toner code 42" }).waitFor();
      await box.getByText("Reply to reporter").click();
      await box
        .getByRole("radio", { name: "Reply to reporter", checked: true })
        .waitFor({ state: "attached" });
      await box.getByLabel("Comment").fill("We ordered a new toner.\nIt arrives tomorrow.");
      await box.getByRole("button", { name: "Send reply to reporter" }).click();
      await alice
        .locator('article[data-visibility="external"]', { hasText: "It arrives tomorrow." })
        .waitFor();
      // Back on the safe default after sending.
      await box.getByRole("radio", { name: "Internal note", checked: true }).waitFor({ state: "attached" });
    });
    const note = alice.locator('article[data-visibility="internal"]');
    const reply = alice.locator('article[data-visibility="external"]');
    assert.match((await note.textContent()) ?? "", /Internal note/);
    assert.doesNotMatch((await note.textContent()) ?? "", /Reply to reporter/);
    assert.match((await reply.textContent()) ?? "", /Reply to reporter/);
    assert.doesNotMatch((await reply.textContent()) ?? "", /Internal note/);
    const background = (l: typeof note) =>
      l.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
    assert.notEqual(await background(note), await background(reply));
    await shot(alice, "tickets-ticket-comments");

    // Alice resolves it; the only moves offered are those the server allows.
    await step(alice, "resolve", async () => {
      const actions = alice.getByRole("region", { name: "Work on this ticket" });
      assert.deepEqual(await actions.getByRole("button").allInnerTexts(), [
        "Resolve",
        "Cancel ticket",
        "Edit title and description",
      ]);
      await actions.getByRole("button", { name: "Resolve" }).click();
      await alice.getByText("Status changed from in progress to resolved").waitFor();
    });

    // Bob's queue shows the new status by itself; he opens the ticket and closes it.
    await step(bob, "queue-live-resolved", async () => {
      const row = bob.getByRole("row", { name: /TKT-000001/ });
      await row.getByText("Resolved").waitFor({ timeout: 15_000 });
      await shot(bob, "tickets-queue-resolved");
      await bob.getByRole("link", { name: "TKT-000001" }).click();
      await bob.waitForURL(/\/tickets\/TKT-000001$/);
      await bob.getByRole("button", { name: "Close" }).click();
      await bob.getByText("This ticket is closed").waitFor();
    });
    assert.equal(await bob.getByRole("form", { name: "New note or reply" }).count(), 0);
    assert.equal(await bob.getByRole("button", { name: "Pick up" }).count(), 0);
    assert.equal(await bob.getByLabel("Assignee").count(), 0);
    await shot(bob, "tickets-ticket-closed");

    // Alice's open page follows along by itself, too.
    await alice.getByText("This ticket is closed").waitFor({ timeout: 15_000 });
  });

  test("a refused move shows the server's message and the page re-reads the ticket", async () => {
    const dan = await suite.signedIn("dan@x.test");
    await dan.waitForURL(/\/tickets$/);
    // No live updates on this page: otherwise the change feed may re-read the ticket after the permission
    // is removed and before the click, and "Resolve" would (rightly) be gone before we can press it.
    await dan.route("**/api/tickets/events", (route) => route.abort());
    await dan.reload();
    await dan.getByRole("button", { name: "New ticket" }).click();
    const dialog = await openedDialog(dan, "New ticket");
    await dialog.getByLabel("Title").fill("VPN drops every hour");
    await dialog.getByLabel("Type").selectOption("incident");
    await dialog.getByRole("button", { name: "Create ticket" }).click();
    await dan.waitForURL(/\/tickets\/TKT-\d+$/);
    await dan.getByRole("button", { name: "Pick up" }).click();
    await dan.getByRole("button", { name: "Resolve" }).waitFor();

    // Dan loses tickets:close (he stays a Dispatcher) while the page still offers "Resolve".
    const groups = await suite.get(GroupsService).listGroups(tenant.id);
    const agents = groups.find((g) => g.systemKey === "itsm_agent");
    const danId = agents?.members.find((m) => m.email === "dan@x.test")?.id;
    assert.ok(agents && danId);
    await suite.get(GroupsService).removeMember(tenant.id, danId, agents.id, danId);

    await step(dan, "refused", async () => {
      await dan.getByRole("button", { name: "Resolve" }).click();
      await dan.getByText("Could not resolve the ticket").waitFor();
      await dan.getByText(/needs the permission tickets:close/).waitFor();
      await shot(dan, "tickets-refused");
      // Re-read: the move is no longer offered, the ticket is unchanged.
      await dan.getByRole("button", { name: "Resolve" }).waitFor({ state: "detached" });
    });
    assert.equal(await dan.getByRole("button", { name: "Cancel ticket" }).count(), 1);
    await dan.getByText("In progress", { exact: true }).first().waitFor();

    // Cancelling asks for a reason.
    await step(dan, "cancel", async () => {
      await dan.getByRole("button", { name: "Cancel ticket" }).click();
      const cancel = dan.getByRole("dialog");
      await cancel.getByRole("button", { name: "Cancel ticket" }).click();
      await cancel.getByText("Say why the ticket is cancelled").waitFor();
      await cancel.getByLabel("Reason").fill("Duplicate of an older ticket");
      await cancel.getByRole("button", { name: "Cancel ticket" }).click();
      await dan.getByText("This ticket is closed").waitFor();
      await dan.getByText("Duplicate of an older ticket").first().waitFor();
    });
  });

  test("Settings → ITSM: the server's message for a bad prefix; a new prefix numbers the next tickets", async () => {
    const admin = await suite.signedIn(tenant.adminEmail);
    await admin.getByRole("link", { name: "Settings" }).click();
    await admin.getByRole("link", { name: "ITSM" }).click();
    await admin.waitForURL(/\/settings\/itsm$/);
    await step(admin, "itsm-settings", async () => {
      const prefix = admin.getByLabel("Ticket prefix");
      assert.equal(await prefix.inputValue(), "TKT");
      assert.equal(await admin.getByLabel("Auto-close resolved tickets after (days)").inputValue(), "7");
      await prefix.fill("9X");
      await admin.getByRole("button", { name: "Save" }).click();
      await admin
        .getByText("Ticket prefix must be 2–10 characters, A–Z and 0–9, starting with a letter")
        .waitFor();
      await shot(admin, "settings-itsm-error");
      await prefix.fill("help");
      await admin.getByLabel("Auto-close resolved tickets after (days)").fill("10");
      await admin.getByRole("button", { name: "Save" }).click();
      await admin.getByText("ITSM settings saved").waitFor();
    });
    const alice = await suite.signedIn("alice@x.test");
    await alice.waitForURL(/\/tickets$/);
    await alice.getByRole("button", { name: "New ticket" }).click();
    const dialog = await openedDialog(alice, "New ticket");
    await dialog.getByLabel("Title").fill("Badge reader at the door");
    await dialog.getByLabel("Type").selectOption("service_request");
    await dialog.getByRole("button", { name: "Create ticket" }).click();
    await alice.waitForURL(/\/tickets\/HELP-\d{6}$/);
  });

  test("the queue pages with Load more, searches, filters, and turns into cards on a phone", async () => {
    const bob: Actor = {
      tenantId: tenant.id,
      userId: await suite.userId("bob@x.test"),
      permissions: new Set(["tickets:create", "tickets:manage"]),
    };
    const tickets = suite.get(TicketsService);
    const license = await suite.get(LicensingService).getLicense(tenant.id);
    for (let i = 1; i <= 27; i++) {
      await tickets.createTicket(bob, license, {
        title: `Batch request ${i}`,
        description: "Imported",
        type: "service_request",
        priority: i % 9 === 0 ? "critical" : "low",
      });
    }
    const alice = await suite.signedIn("alice@x.test");
    await alice.waitForURL(/\/tickets$/);
    await step(alice, "load-more", async () => {
      await alice.getByLabel("Search").fill("batch");
      await alice.waitForURL(/q=batch/);
      const rows = alice.getByRole("row").filter({ hasText: "Batch request" });
      await rows.nth(24).waitFor();
      assert.equal(await rows.count(), 25);
      await alice.getByRole("button", { name: "Load more" }).click();
      await rows.nth(26).waitFor();
      await alice.getByText("27 tickets · end of the list").waitFor();
      await alice.getByLabel("Priority").selectOption("critical");
      await alice.getByText("3 tickets · end of the list").waitFor();
      await alice.getByLabel("Assignee").selectOption("me");
      await alice.getByText("No tickets match these filters").waitFor();
      await shot(alice, "tickets-queue-empty");
    });
    const page = await suite.signedIn("bob@x.test", PHONE);
    await page.waitForURL(/\/tickets$/);
    await page.getByRole("link", { name: "Batch request 27" }).waitFor();
    assert.equal(await page.getByRole("table").count(), 0);
    await page.getByRole("link", { name: "Batch request 27" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "tickets-queue-phone.png") });
  });
});
