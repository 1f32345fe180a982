import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { inTenant } from "../server/src/db/database.ts";
import { listGroups } from "../server/src/modules/access/groups.ts";
import { insertUser } from "../server/src/modules/access/users.ts";
import { makeTenant, openTestDatabase, PASSWORD, type TestDatabase } from "../server/test/helpers.ts";
import { type ServerProcess, startServerProcess } from "../server/test/servers.ts";

// Browser tests: the real server (child process) serving the built web app, driven in Debian's Chromium.
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.resolve(import.meta.dirname, "../test-results");
const skip = !fs.existsSync(CHROMIUM) ? "Chromium is not installed at /usr/bin/chromium" : false;

describe("browser: sign-in and Settings → Permissions", { skip }, () => {
  let t: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  before(async () => {
    t = await openTestDatabase();
    server = await startServerProcess(t.env);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await t?.close();
  });

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  test("a wrong password shows an error; the right one signs in and shows only the allowed navigation", async () => {
    const tenant = await makeTenant(t, { license: true });
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email").fill(tenant.adminEmail);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("The email or password is not correct.").waitFor();
    await signIn(page, tenant.adminEmail);
    await page.getByRole("link", { name: "Settings" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Tickets" }).count(), 0); // admins are not agents
    await page.screenshot({ path: path.join(SHOTS, "signed-in.png") });
    await page.goto(`${server.url}/no-such-page`);
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    await page.close();
  });

  test("an admin creates a group with ticket permissions in Settings → Permissions", async () => {
    const tenant = await makeTenant(t, { license: true });
    await inTenant(t.database.db, tenant.id, (tx) =>
      insertUser(tx, tenant.id, { email: "alice@x.test", name: "Alice", password: PASSWORD }),
    );
    const page = await browser.newPage();
    await signIn(page, tenant.adminEmail);
    await page.getByRole("link", { name: "Settings" }).waitFor();
    await page.goto(`${server.url}/settings/permissions`);
    await page
      .getByRole("heading", { name: "ITSM Agent" })
      .waitFor({ timeout: 15_000 })
      .catch(async (err) => {
        await page.screenshot({ path: path.join(SHOTS, "permissions-failed.png"), fullPage: true });
        throw err;
      });
    await page.getByRole("button", { name: "New group" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Reporters");
    await dialog.getByLabel("tickets:create").check();
    await dialog.getByRole("button", { name: /create/i }).click();
    await page.getByRole("heading", { name: "Reporters" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "permissions.png"), fullPage: true });
    const groups = await listGroups(t.database.db, tenant.id);
    assert.deepEqual(groups.find((g) => g.name === "Reporters")?.permissions, ["tickets:create"]);
    await page.close();
  });
});
