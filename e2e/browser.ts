import fs from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inTenant } from "../server/src/db/database.ts";
import { insertUser } from "../server/src/modules/access/users.ts";
import { openTestDatabase, PASSWORD, type TestDatabase } from "../server/test/helpers.ts";
import { type ServerProcess, startServerProcess } from "../server/test/servers.ts";

// What the browser tests share: the real server (child process) on a test database, serving the built web
// app, driven in Debian's Chromium; signing in through the form; screenshots in test-results/.
export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = path.resolve(import.meta.dirname, "../test-results");
/** For `describe(…, { skip })`: the browser tests need Debian's Chromium. */
export const skip = !fs.existsSync(CHROMIUM) ? "Chromium is not installed at /usr/bin/chromium" : false;

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1360, height: 900 };
export const PHONE: Viewport = { width: 375, height: 740 };

/** The test database, the server and the browser of one suite; the fields are set once its `before` ran. */
export class BrowserSuite {
  t!: TestDatabase;
  server!: ServerProcess;
  browser!: Browser;
  /** Contexts opened by `signedIn`, closed with the suite. */
  readonly contexts: BrowserContext[] = [];

  /** The test database's query builder. */
  get db(): TestDatabase["database"]["db"] {
    return this.t.database.db;
  }

  async start(): Promise<void> {
    this.t = await openTestDatabase();
    this.server = await startServerProcess(this.t.env);
    this.browser = await chromium.launch({
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
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
    await this.browser?.close();
    await this.server?.stop();
    await this.t?.close();
  }

  /** A user of `tenantId` with the test password, in `groups`; returns the user's id. */
  addUser(tenantId: string, email: string, name: string, groups: string[] = []): Promise<string> {
    return inTenant(this.db, tenantId, (tx) =>
      insertUser(tx, tenantId, { email, name, password: PASSWORD, groups }),
    );
  }

  /** Fills and sends the sign-in form on `page`. */
  async signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto(`${this.server.url}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  /** A fresh browser (own cookies) at `viewport`, signed in as `email`. */
  async signedIn(email: string, viewport: Viewport = DESKTOP): Promise<Page> {
    const context = await this.browser.newContext({ viewport });
    this.contexts.push(context);
    const page = await context.newPage();
    await this.signIn(page, email);
    return page;
  }
}

/**
 * Call inside `describe`, before the suite's own hooks: starts the test database, the server and Chromium
 * before the suite's tests and closes them after.
 */
export function browserSuite(): BrowserSuite {
  const suite = new BrowserSuite();
  before(() => suite.start());
  after(() => suite.stop());
  return suite;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Runs a step; on failure keeps a screenshot of what the page showed. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    await shot(page, `failed-${name}`).catch(() => {});
    throw error;
  }
}
