import assert from "node:assert/strict";
import path from "node:path";
import { jest, test } from "@jest/globals";
import { GroupsService } from "@uslimato/server-access";
import { PASSWORD } from "@uslimato/server-testing";
import { browserSuite, describeBrowser, OPERATOR, openedDialog, SHOTS, shot, step } from "./browser.ts";

jest.setTimeout(300_000);

// Browser tests of signing in, Settings → Permissions and → API keys, and the operator console.
describeBrowser("browser: sign-in, Settings → Permissions and API keys, the operator console", () => {
  const suite = browserSuite();

  test("a wrong password shows an error; the right one signs in and shows only the allowed navigation", async () => {
    const tenant = await suite.makeTenant({ license: true });
    const page = await suite.newPage();
    await suite.signIn(page, tenant.adminEmail, "not the password");
    await page.getByText("The email or password is not correct.").waitFor();
    await suite.signIn(page, tenant.adminEmail);
    await page.getByRole("link", { name: "Settings" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Tickets" }).count(), 0); // admins are not agents
    await page.screenshot({ path: path.join(SHOTS, "signed-in.png") });
    await page.goto(`${suite.server.url}/no-such-page`);
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    await page.close();

    // Deep links get the app; unknown API paths and files the build does not have stay 404s.
    const get = async (path: string) => {
      const res = await fetch(`${suite.server.url}${path}`);
      return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
    };
    const deep = await get("/settings/itsm");
    assert.equal(deep.status, 200);
    assert.match(deep.type, /text\/html/);
    assert.match(deep.body, /<app-root>/);
    for (const path of ["/api/no-such-thing", "/chunk-NOTBUILT.js", "/media/no-such-font.woff2"]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.match(res.type, /json/, path);
    }
  });

  test("an admin creates a group with ticket permissions in Settings → Permissions", async () => {
    const tenant = await suite.makeTenant({ license: true });
    await suite.addUser(tenant.id, "alice@x.test", "Alice");
    const page = await suite.newPage();
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
    const dialog = await openedDialog(page);
    await dialog.getByLabel("Name").fill("Reporters");
    await dialog.getByLabel("tickets:create").check();
    await dialog.getByRole("button", { name: /create/i }).click();
    await page.getByRole("heading", { name: "Reporters" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "permissions.png"), fullPage: true });
    const groups = await suite.get(GroupsService).listGroups(tenant.id);
    assert.deepEqual(groups.find((g) => g.name === "Reporters")?.permissions, ["tickets:create"]);
    await page.close();
  });

  test("Settings → API keys: a new key is shown once, works on the Public API, shows its use and is revoked", async () => {
    const tenant = await suite.makeTenant({ license: true });
    const page = await suite.signedIn(tenant.adminEmail);
    await page.getByRole("link", { name: "Settings" }).waitFor();
    await page.goto(`${suite.server.url}/settings/api-keys`);
    await step(page, "api-keys-empty", async () => {
      await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor();
      await page.getByText("No API keys yet").waitFor();
    });
    const secret = await step(page, "api-keys-new", async () => {
      await page.getByRole("button", { name: "New API key" }).click();
      const dialog = await openedDialog(page, "New API key");
      await dialog.getByRole("button", { name: "Create key" }).click();
      await dialog.getByText("Enter a name").waitFor(); // inline, before anything is sent
      await dialog.getByLabel("Name").fill("Monitoring");
      await dialog.getByRole("button", { name: "Create key" }).click();
      const created = page.getByRole("dialog", { name: "Your new API key" });
      await created.getByText("Copy the key now").waitFor();
      const value = await created.getByLabel("API key").inputValue();
      await shot(page, "settings-api-key-created");
      await created.getByRole("button", { name: "Done" }).click();
      return value;
    });
    assert.ok(secret.length > 20, "the whole key is shown");
    await page
      .getByRole("row", { name: /Monitoring/ })
      .getByText("active", { exact: true })
      .waitFor();
    assert.equal(await page.getByText(secret).count(), 0, "the key is not shown again");

    // The key acts as the admin, who holds no ticket permission: it reads the (no) tickets they reported.
    const call = () =>
      fetch(`${suite.server.url}/public/v1/tickets`, { headers: { authorization: `Bearer ${secret}` } });
    const res = await call();
    const body = await res.text();
    assert.equal(res.status, 200, body);
    // JSON.parse here, not res.json(): fetch's objects come from another realm than jest's test code.
    assert.deepEqual(JSON.parse(body).data, []);
    await step(page, "api-keys-used", async () => {
      await page.reload();
      const row = page.getByRole("row", { name: /Monitoring/ });
      await row.getByText("(1 ok, 0 4xx, 0 5xx)").first().waitFor();
      await row.getByText("active", { exact: true }).waitFor();
    });
    await shot(page, "settings-api-keys");

    await step(page, "api-keys-revoke", async () => {
      await page.getByRole("button", { name: "Revoke Monitoring" }).click();
      await page
        .getByRole("dialog", { name: "Revoke “Monitoring”?" })
        .getByRole("button", { name: "Revoke key" })
        .click();
      await page.getByText("API key revoked").waitFor();
      await page
        .getByRole("row", { name: /Monitoring/ })
        .getByText("revoked", { exact: true })
        .waitFor();
    });
    assert.equal(await page.getByRole("button", { name: "Revoke Monitoring" }).count(), 0);
    assert.equal((await call()).status, 401);
  });

  test("the operator console: sign in, create a tenant, activate its license, run the quota check", async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.server.url}/operator`);
    await page.waitForURL(/\/operator\/sign-in$/);
    const signIn = async (password: string) => {
      await page.getByLabel("Email").fill(OPERATOR.email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    await signIn("not the pass phrase");
    await page.getByText("The email or password is not correct.").waitFor();
    await signIn(OPERATOR.password);
    await page.waitForURL(/\/operator$/);
    await page.getByRole("heading", { name: "Tenants", level: 1 }).waitFor();

    await step(page, "operator-new-tenant", async () => {
      await page.getByRole("button", { name: "New tenant" }).click();
      const dialog = await openedDialog(page, "New tenant");
      await dialog.getByRole("button", { name: "Create tenant" }).click();
      await dialog.getByText("Enter the organisation's name").waitFor(); // inline, before anything is sent
      await dialog.getByLabel("Slug").fill("acme-ops");
      await dialog.getByLabel("Name", { exact: true }).fill("Acme Ops");
      await dialog.getByLabel("Administrator email").fill("boss@acme.test");
      await dialog.getByLabel("Administrator password", { exact: true }).fill(PASSWORD);
      await dialog.getByRole("button", { name: "Create tenant" }).click();
      await page.getByText("Acme Ops (acme-ops) is ready.").waitFor();
      await page
        .getByRole("row", { name: /acme-ops/ })
        .getByText("Never licensed")
        .waitFor();
    });

    await step(page, "operator-license", async () => {
      await page.getByRole("button", { name: "Manage Acme Ops" }).click();
      await page.waitForURL(/tenant=acme-ops/);
      const drawer = page.getByRole("dialog", { name: "Acme Ops" });
      await drawer.getByRole("button", { name: "Activate license" }).click();
      await page.getByText("The ITSM license of Acme Ops was activated.").waitFor();
      await drawer.getByRole("button", { name: "Save changes" }).waitFor();
      await drawer.getByRole("button", { name: "Close" }).click();
      await page
        .getByRole("row", { name: /acme-ops/ })
        .getByText("Active", { exact: true })
        .waitFor();
    });

    await step(page, "operator-quota-check", async () => {
      await page.getByRole("button", { name: "Run quota check" }).click();
      await page.getByText("No new overruns.").waitFor();
      await page.getByText("No tenant has gone over its quotas.").waitFor();
    });
    await shot(page, "operator-console");
    await page.goto(`${suite.server.url}/operator/no-such-page`);
    await page.getByRole("heading", { name: "Not found" }).waitFor();

    // The tenant is real: its administrator signs in, as an admin with the license's settings.
    const boss = await suite.signedIn("boss@acme.test");
    await boss.getByRole("link", { name: "Settings" }).waitFor();
    await boss.goto(`${suite.server.url}/settings/itsm`);
    await boss.getByLabel("Ticket prefix").waitFor();
  });
});
