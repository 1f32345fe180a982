import assert from "node:assert/strict";
import { beforeAll, jest, test } from "@jest/globals";
import { GroupsService } from "@uslimato/server-access";
import { LicensingService } from "@uslimato/server-licensing";
import { type Actor, CommentsService, TicketsService } from "@uslimato/server-tickets";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  browserSuite,
  DESKTOP,
  describeBrowser,
  OPERATOR,
  PHONE,
  shot,
  step,
  type TestTenant,
} from "./browser.ts";

jest.setTimeout(300_000);

// Markup typed into titles, descriptions, comments and names. Rendered as HTML, any of these would run
// script (or try to: the CSP then reports a violation, which fails the test as well); as text it only shows.
const TITLE = "Scanner jams <script>window.__pwned = 'title'</script>";
const DESCRIPTION = `Since Monday <img src="x" onerror="window.__pwned = 'description'"> on every page.`;
const REPLY = `<svg onload="window.__pwned = 'reply'">We ordered a new roller.</svg>`;
const NOTE = `<iframe src="javascript:window.__pwned = 'note'"></iframe> roller part 7`;
const NAME = "Mallory <img src=x onerror=alert(1)>";
const GROUP = "Night shift <script>alert(2)</script>";

// Every page of the app at desktop and phone width: axe finds no serious or critical problem, nothing is
// wider than the screen, typed markup shows as text and no script of it runs.
const VIEWPORTS = [
  { name: "desktop", ...DESKTOP },
  { name: "phone", ...PHONE },
] as const;

describeBrowser("browser: every page at desktop and phone width, markup in data stays text", () => {
  const suite = browserSuite();
  let tenant: TestTenant;
  let number: string;

  beforeAll(async () => {
    tenant = await suite.makeTenant({ license: true });
    const groups = suite.get(GroupsService);
    await groups.createGroup(tenant.id, { name: "Reporters", permissions: ["tickets:create"] });
    await groups.createGroup(tenant.id, { name: GROUP, permissions: ["tickets:create"] });
    const agentId = await suite.addUser(tenant.id, "alice@x.test", "Alice Agent", ["ITSM Agent"]);
    const reporterId = await suite.addUser(tenant.id, "mallory@x.test", NAME, ["Reporters", GROUP]);
    const agent: Actor = {
      tenantId: tenant.id,
      userId: agentId,
      permissions: new Set(["tickets:create", "tickets:manage", "tickets:close"]),
    };
    const reporter: Actor = {
      tenantId: tenant.id,
      userId: reporterId,
      permissions: new Set(["tickets:create"]),
    };
    const license = await suite.get(LicensingService).getLicense(tenant.id);
    const tickets = suite.get(TicketsService);
    const ticket = await tickets.createTicket(reporter, license, {
      title: TITLE,
      description: DESCRIPTION,
      type: "incident",
      priority: "critical",
    });
    number = ticket.number;
    await tickets.changeTicket(agent, number, { assigneeId: agentId });
    const comments = suite.get(CommentsService);
    await comments.addComment(agent, number, { body: NOTE, visibility: "internal" });
    await comments.addComment(agent, number, { body: REPLY, visibility: "external" });
  });

  /** Opens a page of the app and watches it: every dialog (alert) it opens is a script that ran. */
  async function open(page: Page, dialogs: string[]): Promise<Page> {
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  /** The page as it is: accessible, no wider than the viewport, no script of the data ran; a screenshot. */
  async function check(page: Page, name: string, width: number): Promise<void> {
    await assertAccessible(page, name, ['iframe[sandbox=""]']);
    const scrollWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    assert.ok(scrollWidth <= width, `${name}: ${scrollWidth} px wide on a ${width} px screen`);
    assert.equal(await page.evaluate("window.__pwned"), undefined, `${name}: markup in the data ran`);
    // … nor became elements.
    assert.equal(
      await page.locator('img[src="x"], [onload], [onerror], iframe:not([sandbox=""]), svg[onload]').count(),
      0,
      name,
    );
    // The fonts ship with the app and load under the CSP (a font that failed would fall back silently).
    const fonts = (await page.evaluate(
      "document.fonts.ready.then(() => [...document.fonts].map((f) => f.family + ' ' + f.weight + ' ' + f.status))",
    )) as string[];
    assert.deepEqual(
      fonts.filter((f) => f.endsWith(" error")),
      [],
      `${name}: fonts that did not load`,
    );
    assert.ok(
      fonts.some((f) => /Inter.* loaded$/.test(f)),
      `${name}: Inter is not loaded (${fonts.join(", ")})`,
    );
    await shot(page, `page-${name}`);
  }

  for (const viewport of VIEWPORTS) {
    test(`${viewport.name}: sign-in, queue, ticket, desk, settings, not found and the operator console`, async () => {
      const v = viewport.name;
      const { width, height } = viewport;
      const dialogs: string[] = [];

      const signIn = await open(await suite.newPage({ width, height }), dialogs);
      await signIn.goto(`${suite.server.url}/sign-in`);
      await signIn.getByRole("button", { name: "Sign in" }).waitFor();
      await check(signIn, `${v}-sign-in`, width);

      // The agent: the queue and the ticket page show the markup as typed.
      const alice = await open(await suite.newPage({ width, height }), dialogs);
      await suite.signIn(alice, "alice@x.test");
      await alice.waitForURL(/\/tickets$/);
      await step(alice, `${v}-queue`, async () => {
        await alice.getByRole("link", { name: number }).first().waitFor();
        await alice.getByText(TITLE).first().waitFor();
      });
      await check(alice, `${v}-queue`, width);
      await alice.getByRole("link", { name: number }).first().click();
      await alice.waitForURL(new RegExp(`/tickets/${number}$`));
      await step(alice, `${v}-ticket`, async () => {
        await alice.getByRole("heading", { level: 1, name: TITLE }).waitFor();
        await alice.getByText(DESCRIPTION).waitFor();
        await alice.getByText(REPLY).waitFor();
        await alice.getByText(NOTE).waitFor();
        await alice.getByText(`Incident reported by ${NAME}`).waitFor();
      });
      await check(alice, `${v}-ticket`, width);
      await step(alice, `${v}-new-ticket`, async () => {
        await alice.goto(`${suite.server.url}/tickets`);
        await alice.getByRole("button", { name: "New ticket" }).click();
        await alice.getByRole("dialog", { name: "New ticket" }).getByLabel("Title").waitFor();
      });
      await check(alice, `${v}-new-ticket`, width);

      // The reporter (whose name is markup) in the desk: their ticket with the reply, no internal note.
      const mallory = await open(await suite.newPage({ width, height }), dialogs);
      await suite.signIn(mallory, "mallory@x.test");
      await mallory.waitForURL(/\/desk$/);
      await step(mallory, `${v}-desk`, async () => {
        await mallory.getByText(TITLE).first().waitFor();
      });
      await check(mallory, `${v}-desk`, width);
      await mallory.goto(`${suite.server.url}/desk/tickets/${number}`);
      await step(mallory, `${v}-desk-ticket`, async () => {
        await mallory.getByRole("heading", { level: 1, name: TITLE }).waitFor();
        await mallory.getByText(DESCRIPTION).waitFor();
        await mallory.getByText(REPLY).waitFor();
      });
      assert.equal(await mallory.getByText(NOTE).count(), 0);
      await check(mallory, `${v}-desk-ticket`, width);

      // The administrator's Settings; names and group names are markup here too.
      const admin = await open(await suite.newPage({ width, height }), dialogs);
      await suite.signIn(admin, tenant.adminEmail);
      await admin.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      const settings: [string, (page: Page) => Promise<unknown>][] = [
        ["users", (p) => p.getByText(NAME).first().waitFor()],
        ["permissions", (p) => p.getByRole("heading", { name: GROUP }).waitFor()],
        ["itsm", (p) => p.getByLabel("Ticket prefix").waitFor()],
        ["api-keys", (p) => p.getByText("No API keys yet").waitFor()],
      ];
      for (const [path, ready] of settings) {
        const name = `${v}-settings-${path.replace("/", "-")}`;
        await admin.goto(`${suite.server.url}/settings/${path}`);
        await step(admin, name, () => ready(admin));
        await check(admin, name, width);
      }
      await admin.goto(`${suite.server.url}/no-such-page`);
      await admin.getByRole("heading", { name: "Not found" }).waitFor();
      await check(admin, `${v}-not-found`, width);

      // The operator console.
      const operator = await open(await suite.newPage({ width, height }), dialogs);
      await operator.goto(`${suite.server.url}/operator`);
      await operator.waitForURL(/\/operator\/sign-in$/);
      await operator.getByRole("button", { name: "Sign in" }).waitFor();
      await check(operator, `${v}-operator-sign-in`, width);
      await operator.getByLabel("Email").fill(OPERATOR.email);
      await operator.getByLabel("Password", { exact: true }).fill(OPERATOR.password);
      await operator.getByRole("button", { name: "Sign in" }).click();
      await step(operator, `${v}-operator`, async () => {
        await operator.getByRole("heading", { name: "Tenants", level: 1 }).waitFor();
        await operator
          .getByRole("row", { name: new RegExp(tenant.slug) })
          .first()
          .waitFor();
      });
      await check(operator, `${v}-operator`, width);

      assert.deepEqual(dialogs, [], "a script in the data ran");
    });
  }
});
