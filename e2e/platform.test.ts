import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { listGroups } from "../server/src/modules/access/groups.ts";
import { makeTenant } from "../server/test/helpers.ts";
import { browserSuite, SHOTS, skip } from "./browser.ts";

// Browser tests of signing in and Settings → Permissions.
describe("browser: sign-in and Settings → Permissions", { skip }, () => {
  const suite = browserSuite();

  test("a wrong password shows an error; the right one signs in and shows only the allowed navigation", async () => {
    const tenant = await makeTenant(suite.t, { license: true });
    const page = await suite.browser.newPage();
    await suite.signIn(page, tenant.adminEmail, "not the password");
    await page.getByText("The email or password is not correct.").waitFor();
    await suite.signIn(page, tenant.adminEmail);
    await page.getByRole("link", { name: "Settings" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Tickets" }).count(), 0); // admins are not agents
    await page.screenshot({ path: path.join(SHOTS, "signed-in.png") });
    await page.goto(`${suite.server.url}/no-such-page`);
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    await page.close();
  });

  test("an admin creates a group with ticket permissions in Settings → Permissions", async () => {
    const tenant = await makeTenant(suite.t, { license: true });
    await suite.addUser(tenant.id, "alice@x.test", "Alice");
    const page = await suite.browser.newPage();
    await suite.signIn(page, tenant.adminEmail);
    await page.getByRole("link", { name: "Settings" }).waitFor();
    await page.goto(`${suite.server.url}/settings/permissions`);
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
    const groups = await listGroups(suite.db, tenant.id);
    assert.deepEqual(groups.find((g) => g.name === "Reporters")?.permissions, ["tickets:create"]);
    await page.close();
  });
});
