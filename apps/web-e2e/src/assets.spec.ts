import assert from "node:assert/strict";
import { jest, test } from "@jest/globals";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { GroupsService } from "@uslimato/server-access";
import { AssetsService } from "@uslimato/server-assets";
import { LicensingService } from "@uslimato/server-licensing";
import { TicketsService } from "@uslimato/server-tickets";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  browserSuite,
  DESKTOP,
  describeBrowser,
  openedDialog,
  PHONE,
  shot,
  step,
  type TestTenant,
} from "./browser.ts";

jest.setTimeout(300_000);

// Browser tests of the assets area (/assets) and the ITSM asset integration (issue 12): the path a new
// user takes (open an asset, "Report issue", see the ticket in the asset's "Tickets" tab and the asset on
// the ticket, deletion refused listing the open ticket, close it, delete), movements, and asset_integration off.

describeBrowser("browser: assets and the ITSM asset integration", () => {
  const suite = browserSuite();

  /** A licensed tenant whose admin is also an ITSM agent, with a few assets. */
  async function tenantWithAssets(flags?: string[]): Promise<{ tenant: TestTenant; adminId: string }> {
    const tenant = await suite.makeTenant();
    await suite.get(LicensingService).setLicense(tenant.id, { active: true, ...(flags ? { flags } : {}) });
    const adminId = await suite.userId(tenant.adminEmail);
    const groups = await suite.get(GroupsService).listGroups(tenant.id);
    const agents = groups.find((g) => g.systemKey === "itsm_agent");
    assert.ok(agents, "the ITSM Agent group");
    await suite.get(GroupsService).addMember(tenant.id, agents.id, adminId);
    const assets = suite.get(AssetsService);
    const actor = { tenantId: tenant.id, userId: adminId };
    await assets.create(actor, {
      name: "Dell Latitude 5440",
      asset_tag: "AT-0042",
      category: "Laptop",
      location: "HQ, 2nd floor",
      status: "in_use",
      assignee_id: adminId,
      notes: "Serial 7XK2L93",
    });
    await assets.create(actor, {
      name: "Dell U2723QE",
      asset_tag: "MON-0007",
      category: "Monitor",
      location: "HQ",
    });
    await assets.create(actor, {
      name: "iPhone 15",
      asset_tag: "PH-0101",
      category: "Phone",
      location: "Lab",
    });
    return { tenant, adminId };
  }

  const tabNames = async (page: Page) => page.getByRole("tab").allInnerTexts();

  test("open an asset, Report issue, see the ticket on both sides, deletion refused listing it, close it, delete", async () => {
    const { tenant } = await tenantWithAssets();
    const page = await suite.signedIn(tenant.adminEmail, DESKTOP);
    await page.waitForURL(/\/tickets$/);

    await step(page, "assets-list", async () => {
      await page.getByRole("link", { name: "Assets", exact: true }).click();
      await page.getByRole("heading", { name: "Assets", level: 1 }).waitFor();
      await page.getByRole("link", { name: "Dell Latitude 5440" }).waitFor();
      assert.equal(await page.getByRole("row").count(), 4); // the header and three assets
      // Search narrows the list (and is kept in the address); a filter too.
      await page.getByLabel("Search").fill("latitude");
      await page.waitForURL(/q=latitude/);
      await page.getByRole("link", { name: "iPhone 15" }).waitFor({ state: "detached" });
      assert.equal(await page.getByRole("row").count(), 2);
      await page.getByLabel("Search").fill("");
      await page.getByLabel("Category").selectOption("Phone");
      await page.getByRole("link", { name: "iPhone 15" }).waitFor();
      await page.getByRole("link", { name: "Dell Latitude 5440" }).waitFor({ state: "detached" });
      await page.getByLabel("Category").selectOption("");
      await page.getByRole("link", { name: "Dell Latitude 5440" }).waitFor();
      await shot(page, "assets-list");
    });
    await assertAccessible(page, "asset list");

    await step(page, "asset-page", async () => {
      await page.getByRole("link", { name: "Dell Latitude 5440" }).click();
      await page.getByRole("heading", { name: "Dell Latitude 5440", level: 1 }).waitFor();
      // The history is made of real tabs, with the ITSM one.
      assert.deepEqual(await tabNames(page), ["Overview", "Movements", "Tickets"]);
      await page.getByRole("tab", { name: "Overview", selected: true }).waitFor();
      await page.getByRole("tabpanel").getByText("Serial 7XK2L93").waitFor();
      await page.getByRole("tab", { name: "Tickets" }).click();
      await page.getByText("No tickets about this asset yet.").waitFor();
      await page.waitForURL(/tab=tickets/);
    });
    await assertAccessible(page, "asset page");
    const assetUrl = page.url().replace(/\?.*$/, "");

    const number = await step(page, "report-issue", async () => {
      await page.getByRole("button", { name: "Report issue" }).click();
      const dialog = await openedDialog(page, "New ticket");
      await dialog.getByText("AT-0042").waitFor();
      await assertAccessible(page, "Report issue dialog");
      await dialog.getByLabel("Title").fill("Screen flickers");
      await dialog.getByLabel("Description").fill("Since the last update the screen flickers.");
      await dialog.getByLabel("Type").selectOption({ label: "Incident" });
      await shot(page, "assets-report-issue");
      await dialog.getByRole("button", { name: "Create ticket" }).click();
      await dialog.waitFor({ state: "detached" });
      // The asset page stays, on its Tickets tab, with the new ticket listed as open.
      await page.getByRole("tab", { name: "Tickets", selected: true }).waitFor();
      const link = page.getByRole("tabpanel").getByRole("link", { name: /^TKT-\d{6}$/ });
      await link.waitFor();
      const created = ((await link.textContent()) ?? "").trim();
      await page.getByRole("tabpanel").getByText("Screen flickers").waitFor();
      await page.getByRole("tabpanel").getByText("Open", { exact: true }).waitFor();
      await shot(page, "assets-tickets-tab");
      return created;
    });

    await step(page, "movement", async () => {
      await page.getByRole("tab", { name: "Movements" }).click();
      await page.getByText("No movements recorded yet.").waitFor();
      await page.getByRole("button", { name: "Record movement" }).click();
      const dialog = await openedDialog(page, "Record movement");
      await dialog.getByLabel("Note").fill("Sent for a new screen");
      await dialog.getByLabel("To location").fill("Repair shop");
      assert.equal(await dialog.getByLabel("Note").inputValue(), "Sent for a new screen");
      assert.equal(await dialog.getByLabel("To location").inputValue(), "Repair shop");
      await dialog.getByRole("button", { name: "Record movement" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("tabpanel").getByText("Repair shop").waitFor();
      await page.getByRole("tabpanel").getByText("“Sent for a new screen”").waitFor();
      await shot(page, "assets-movements-tab");
    });
    await assertAccessible(page, "movements tab");

    await step(page, "ticket-shows-asset", async () => {
      await page.getByRole("tab", { name: "Tickets" }).click();
      await page.getByRole("tabpanel").getByRole("link", { name: number }).click();
      await page.waitForURL(new RegExp(`/tickets/${number}$`));
      const details = page.getByRole("region", { name: "Details" });
      await details.getByRole("link", { name: /Dell Latitude 5440/ }).waitFor();
      // movement_link: the ticket is linked to the move to the repair shop, shown on the movement too.
      const choice = details.getByLabel("Linked movement");
      await choice.locator("option", { hasText: "Repair shop" }).waitFor({ state: "attached" });
      await choice.selectOption({ index: 1 });
      await page.getByText("Movement linked").waitFor();
      await shot(page, "assets-ticket-page");
      await details.getByRole("link", { name: /Dell Latitude 5440/ }).click();
      await page.getByRole("heading", { name: "Dell Latitude 5440", level: 1 }).waitFor();
      await page.getByRole("tab", { name: "Movements" }).click();
      await page.getByRole("tabpanel").getByText("Linked tickets:").waitFor();
      await page.getByRole("tabpanel").getByRole("link", { name: number }).waitFor();
    });

    await step(page, "delete-refused", async () => {
      await page.getByRole("button", { name: "Delete" }).click();
      await page
        .getByRole("dialog", { name: "Delete AT-0042?" })
        .getByRole("button", { name: "Delete asset" })
        .click();
      const alert = page.getByRole("alert").filter({ hasText: "Could not delete the asset." });
      await alert.waitFor();
      assert.match(
        (await alert.textContent()) ?? "",
        new RegExp(
          `cannot be deleted: 1 ticket that is not closed or cancelled refers to it \\(${number}\\)`,
        ),
      );
      await alert.getByRole("link", { name: number }).waitFor();
      await shot(page, "assets-delete-refused");
    });

    await step(page, "close-ticket", async () => {
      await page.getByRole("alert").getByRole("link", { name: number }).click();
      await page.waitForURL(new RegExp(`/tickets/${number}$`));
      const actions = page.getByRole("region", { name: "Work on this ticket" });
      await actions.getByRole("button", { name: "Pick up" }).click();
      await actions.getByRole("button", { name: "Resolve" }).click();
      await actions.getByRole("button", { name: "Close" }).click();
      await page.getByText("This ticket is closed").waitFor();
    });

    await step(page, "delete", async () => {
      await page.goto(assetUrl);
      await page.getByRole("heading", { name: "Dell Latitude 5440", level: 1 }).waitFor();
      await page.getByRole("button", { name: "Delete" }).click();
      await page
        .getByRole("dialog", { name: "Delete AT-0042?" })
        .getByRole("button", { name: "Delete asset" })
        .click();
      await page.waitForURL(/\/assets$/);
      await page.getByText("Asset AT-0042 deleted.").waitFor();
      await page.getByRole("link", { name: "Dell U2723QE" }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Dell Latitude 5440" }).count(), 0);
    });

    await step(page, "ticket-keeps-asset", async () => {
      await page.goto(`${suite.server.url}/tickets/${number}`);
      const details = page.getByRole("region", { name: "Details" });
      await details.getByText(/Dell Latitude 5440/).waitFor();
      await details.getByText(/deleted/).waitFor();
      assert.equal(await details.getByRole("link", { name: /Dell Latitude 5440/ }).count(), 0);
    });

    // The same pages at phone width: no sideways scrolling, still accessible.
    const phone = await suite.signedIn(tenant.adminEmail, PHONE);
    await phone.waitForURL(/\/tickets$/);
    for (const [path, name] of [
      ["/assets", "list"],
      ["/assets?q=iphone", "search"],
    ] as const) {
      await phone.goto(`${suite.server.url}${path}`);
      await phone.getByRole("link", { name: "iPhone 15" }).waitFor();
      const overflow = (await phone.evaluate(
        "document.documentElement.scrollWidth - window.innerWidth",
      )) as number;
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px at phone width`);
      await shot(phone, `assets-phone-${name}`);
    }
    await phone.getByRole("link", { name: "iPhone 15" }).click();
    await phone.getByRole("heading", { name: "iPhone 15", level: 1 }).waitFor();
    await shot(phone, "assets-phone-asset");
    await assertAccessible(phone, "asset page at phone width");
  });

  test("an employee without the agent portal reports an issue through the desk's New ticket dialog", async () => {
    const { tenant, adminId } = await tenantWithAssets();
    // Someone else's ticket about the same asset: the employee sees that it exists, not what it says.
    const phone = (await suite.get(AssetsService).list(tenant.id, { q: "PH-0101" })).data[0];
    assert.ok(phone, "the iPhone");
    const agent = { tenantId: tenant.id, userId: adminId, permissions: new Set(["tickets:manage"]) };
    await suite
      .get(TicketsService)
      .createTicket(agent, await suite.get(LicensingService).getLicense(tenant.id), {
        title: "Confidential: phone of the CFO",
        description: "",
        type: "incident",
        assetId: phone.id,
      });
    await suite
      .get(GroupsService)
      .createGroup(tenant.id, { name: "Employees", permissions: ["tickets:create", "assets:read"] });
    const email = `emma@${tenant.slug}.test`;
    await suite.addUser(tenant.id, email, "Emma Employee", ["Employees"]);
    const page = await suite.signedIn(email, DESKTOP);
    await page.waitForURL(/\/desk$/);
    // The desk links to the assets for someone who may see them.
    await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Assets" }).click();
    await page.getByRole("link", { name: "iPhone 15" }).click();
    await page.getByRole("heading", { name: "iPhone 15", level: 1 }).waitFor();
    // A reader: no Edit or Delete, but Report issue.
    assert.equal(await page.getByRole("button", { name: "Edit" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: "Delete" }).count(), 0);
    await page.getByRole("button", { name: "Report issue" }).click();
    const dialog = await openedDialog(page, "New ticket");
    await dialog.getByText("PH-0101").waitFor();
    // The desk's dialog: no priority or reporter to choose.
    assert.equal(await dialog.getByLabel("Priority").count(), 0);
    await dialog.getByLabel("Title").fill("Cracked screen");
    await dialog.getByLabel("Description").fill("Dropped it this morning.");
    await dialog.getByLabel("Type").selectOption({ label: "Incident" });
    await dialog.getByRole("button", { name: "Create ticket" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "Tickets", selected: true }).waitFor();
    const row = page.getByRole("tabpanel").getByRole("listitem").filter({ hasText: "Cracked screen" });
    await row.waitFor();
    // Not an agent: their own ticket links to the desk; the other one shows its number and status only.
    const number = ((await row.locator(".ticket__number").textContent()) ?? "").trim();
    assert.match(number, /^TKT-\d{6}$/);
    const others = page
      .getByRole("tabpanel")
      .getByRole("listitem")
      .filter({ hasText: "Reported by someone else" });
    assert.equal(await others.count(), 1);
    assert.equal(await others.getByRole("link").count(), 0);
    assert.equal(await page.getByText("Confidential").count(), 0);
    await shot(page, "assets-employee-report-issue");
    // The desk shows the ticket with its asset.
    await row.getByRole("link", { name: number }).click();
    await page.waitForURL(new RegExp(`/desk/tickets/${number}$`));
    await page.getByText("iPhone 15 · PH-0101").waitFor();
  });

  test("asset_integration off: no Report issue, no Tickets tab; assets still work", async () => {
    const flags = FEATURE_FLAGS.filter((f) => f !== "asset_integration");
    const { tenant } = await tenantWithAssets([...flags]);
    const page = await suite.signedIn(tenant.adminEmail, DESKTOP);
    await page.waitForURL(/\/tickets$/);
    await page.goto(`${suite.server.url}/assets`);
    await page.getByRole("link", { name: "Dell Latitude 5440" }).click();
    await page.getByRole("heading", { name: "Dell Latitude 5440", level: 1 }).waitFor();
    assert.deepEqual(await tabNames(page), ["Overview", "Movements"]);
    assert.equal(await page.getByRole("button", { name: "Report issue" }).count(), 0);
    // An address asking for the Tickets tab shows the Overview instead.
    await page.goto(`${page.url()}?tab=tickets`);
    await page.getByRole("tab", { name: "Overview", selected: true }).waitFor();
    // Editing still works.
    await page.getByRole("button", { name: "Edit" }).click();
    const dialog = await openedDialog(page, "Edit asset");
    await dialog.getByLabel("Status").selectOption({ label: "In repair" });
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("In repair").first().waitFor();
    await shot(page, "assets-flag-off");
  });

  test("a new asset: required fields and a duplicate tag are shown next to their field; nothing is created", async () => {
    const { tenant } = await tenantWithAssets();
    const page = await suite.signedIn(tenant.adminEmail, DESKTOP);
    await page.waitForURL(/\/tickets$/);
    await page.goto(`${suite.server.url}/assets`);
    await page.getByRole("button", { name: "New asset" }).click();
    const dialog = await openedDialog(page, "New asset");
    await dialog.getByRole("button", { name: "Create asset" }).click();
    await dialog.getByText("Enter a name").waitFor();
    await dialog.getByText("Enter the asset tag").waitFor();
    await dialog.getByText("Enter a category, e.g. Laptop").waitFor();
    await dialog.getByLabel("Name").fill("Spare laptop");
    await dialog.getByLabel("Asset tag").fill("at-0042");
    await dialog.getByLabel("Category").fill("Laptop");
    await dialog.getByRole("button", { name: "Create asset" }).click();
    await dialog.getByText(/asset tag at-0042 is already used by "Dell Latitude 5440"/).waitFor();
    await assertAccessible(page, "new asset dialog with errors");
    await shot(page, "assets-new-duplicate-tag"); // after axe, which lets the error's fade-in finish
    await dialog.getByLabel("Asset tag").fill("AT-0043");
    await dialog.getByRole("button", { name: "Create asset" }).click();
    await page.getByRole("heading", { name: "Spare laptop", level: 1 }).waitFor();
    await page.getByText("Asset AT-0043 created.").waitFor();
  });
});
