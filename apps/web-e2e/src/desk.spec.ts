import assert from "node:assert/strict";
import { beforeAll, jest, test } from "@jest/globals";
import { GroupsService } from "@uslimato/server-access";
import { LicensingService } from "@uslimato/server-licensing";
import { type Actor, CommentsService, TicketsService } from "@uslimato/server-tickets";
import {
  assertAccessible,
  browserSuite,
  describeBrowser,
  openedDialog,
  PHONE,
  shot,
  step,
  type TestTenant,
} from "./browser.ts";

jest.setTimeout(300_000);

// Browser tests of the desk portal (/desk) at desktop and phone width, with an axe check of every desk page.
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 860 },
  { name: "phone", ...PHONE },
] as const;

describeBrowser("browser: desk portal /desk", () => {
  const suite = browserSuite();
  let tenant: TestTenant;
  let agent: Actor;
  let other: Actor;

  beforeAll(async () => {
    tenant = await suite.makeTenant({ license: true });
    await suite
      .get(GroupsService)
      .createGroup(tenant.id, { name: "Reporters", permissions: ["tickets:create"] });
    const agentId = await suite.addUser(tenant.id, "alice@x.test", "Alice Agent", ["ITSM Agent"]);
    await suite.addUser(tenant.id, "rita@x.test", "Rita Reporter", ["Reporters"]);
    const otherId = await suite.addUser(tenant.id, "oscar@x.test", "Oscar Other", ["Reporters"]);
    agent = {
      tenantId: tenant.id,
      userId: agentId,
      permissions: new Set(["tickets:create", "tickets:manage", "tickets:close"]),
    };
    other = { tenantId: tenant.id, userId: otherId, permissions: new Set(["tickets:create"]) };
  });

  for (const viewport of VIEWPORTS) {
    test(`${viewport.name}: a reporter files a ticket, follows it, sees only external replies and confirms the resolution`, async () => {
      const rita = await suite.signedIn("rita@x.test", viewport);
      const v = viewport.name;

      await step(rita, `${v}-list`, async () => {
        await rita.waitForURL(/\/desk$/);
        await rita.getByRole("heading", { name: "My tickets", level: 1 }).waitFor();
        await rita
          .getByText("You have no open tickets")
          .or(rita.getByRole("link", { name: /TKT-\d+/ }).first())
          .waitFor();
        // The reduced layout: none of the agent or admin navigation.
        for (const name of ["Assets", "Settings", "Tickets"]) {
          assert.equal(await rita.getByRole("link", { name, exact: true }).count(), 0, name);
        }
      });
      await assertAccessible(rita, `${v} list (empty)`);

      // New ticket: every field is required, with a message next to the missing ones.
      const number = await step(rita, `${v}-new`, async () => {
        await rita.getByRole("button", { name: "New ticket" }).click();
        const dialog = await openedDialog(rita, "New ticket");
        await dialog.getByRole("button", { name: "Create ticket" }).click();
        await dialog.getByText("Enter a title").waitFor();
        await dialog.getByText("Describe the issue or request").waitFor();
        await dialog.getByText("Choose a type").waitFor();
        await shot(rita, `desk-${v}-new-ticket-errors`);
        await assertAccessible(rita, `${v} new-ticket dialog`);
        await dialog.getByLabel("Title").fill(`Laptop will not start (${v})`);
        await dialog.getByLabel("Description").fill("Black screen since this morning.\n<b>not bold</b>");
        await dialog.getByLabel("Type").selectOption({ label: "Incident" });
        await dialog.getByRole("button", { name: "Create ticket" }).click();
        await rita.waitForURL(/\/desk\/tickets\/TKT-\d{6}$/);
        const created = decodeURIComponent(new URL(rita.url()).pathname.split("/").pop() ?? "");
        await rita.getByText(`${created} created`).first().waitFor();
        return created;
      });
      await rita.getByText("<b>not bold</b>").waitFor();
      await rita.getByText("Your ticket is waiting for an agent to pick it up.").waitFor();

      await step(rita, `${v}-comment`, async () => {
        await rita.getByLabel("Comment").fill("I tried another charger, same thing.");
        await rita.getByRole("button", { name: "Add comment" }).click();
        await rita.getByText("I tried another charger, same thing.").waitFor();
      });
      await shot(rita, `desk-${v}-ticket`);
      await assertAccessible(rita, `${v} ticket page`);

      // The service desk works on it: an internal note the reporter must never see, a reply they must.
      const tickets = suite.get(TicketsService);
      const comments = suite.get(CommentsService);
      await tickets.changeTicket(agent, number, { assigneeId: agent.userId });
      await comments.addComment(agent, number, {
        body: "Suspect the mainboard (internal)",
        visibility: "internal",
      });
      await comments.addComment(agent, number, {
        body: "Please bring it to the IT desk: https://it.example.test/desk",
        visibility: "external",
      });
      await tickets.changeTicket(agent, number, { status: "resolved" });

      await step(rita, `${v}-resolved`, async () => {
        await rita.reload();
        await rita.getByText("Is your issue solved?").waitFor();
        await rita.getByText("Please bring it to the IT desk:").waitFor();
        await rita.getByRole("link", { name: "https://it.example.test/desk" }).waitFor();
        await rita.getByText("Assigned to Alice Agent").waitFor();
        await rita.getByText("Status changed from open to in progress").waitFor();
        await rita.getByText("Status changed from in progress to resolved").waitFor();
      });
      assert.equal(await rita.getByText("Suspect the mainboard").count(), 0);
      assert.equal(await rita.getByText("Internal note").count(), 0);
      await shot(rita, `desk-${v}-resolved`);
      await assertAccessible(rita, `${v} resolved ticket page`);

      await step(rita, `${v}-confirm`, async () => {
        await rita.getByRole("button", { name: "Yes, close it" }).click();
        await rita.getByText("This ticket is closed").first().waitFor();
        await rita.getByText("Status changed from resolved to closed").waitFor();
      });
      assert.equal(await rita.getByLabel("Comment").count(), 0);
      assert.equal(await rita.getByText("Is your issue solved?").count(), 0);

      // Back in the list: the ticket is among the done ones.
      await step(rita, `${v}-done`, async () => {
        await rita.getByRole("link", { name: "My tickets" }).first().click();
        await rita.getByText("Done", { exact: true }).click();
        await rita.getByText(number).waitFor();
        await rita.getByText(`Laptop will not start (${v})`).waitFor();
      });
      await shot(rita, `desk-${v}-list`);
      await assertAccessible(rita, `${v} list`);

      // Someone else's ticket, and one that does not exist, are "Not found" alike.
      const license = await suite.get(LicensingService).getLicense(tenant.id);
      const theirs = await tickets.createTicket(other, license, {
        title: "Oscar's private request",
        description: "Not for Rita",
        type: "service_request",
      });
      for (const target of [theirs.number, theirs.id, "TKT-999999"]) {
        await rita.goto(`${suite.server.url}/desk/tickets/${target}`);
        await step(rita, `${v}-not-found`, () => rita.getByRole("heading", { name: "Not found" }).waitFor());
        assert.equal(await rita.getByText("Oscar's private request").count(), 0);
      }
    });
  }

  test("a reporter says a resolved ticket is still a problem: a comment is required, the ticket reopens", async () => {
    const rita = await suite.signedIn("rita@x.test", { width: 1280, height: 860 });
    await rita.waitForURL(/\/desk$/);
    const rep: Actor = { ...other, userId: await suite.userId("rita@x.test") };
    const tickets = suite.get(TicketsService);
    const license = await suite.get(LicensingService).getLicense(tenant.id);
    const ticket = await tickets.createTicket(rep, license, {
      title: "Printer offline",
      description: "Second floor",
      type: "incident",
    });
    await tickets.changeTicket(agent, ticket.number, { assigneeId: agent.userId });
    await tickets.changeTicket(agent, ticket.number, { status: "resolved" });
    await rita.goto(`${suite.server.url}/desk/tickets/${ticket.number}`);
    await step(rita, "reject", async () => {
      await rita.getByRole("button", { name: "No, still a problem" }).click();
      const dialog = await openedDialog(rita);
      await dialog.getByRole("button", { name: "Reopen the ticket" }).click();
      await dialog.getByText("Tell the service desk what is still not working").waitFor();
      await dialog.getByLabel("What is still not working?").fill("It went offline again after an hour.");
      await dialog.getByRole("button", { name: "Reopen the ticket" }).click();
      await rita.getByText("An agent is working on your ticket.").waitFor();
      await rita.getByText("It went offline again after an hour.").waitFor();
      await rita.getByText("Status changed from resolved to in progress").waitFor();
    });
  });
});
