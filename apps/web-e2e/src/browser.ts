import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, afterEach, beforeAll, describe } from "@jest/globals";
import type { INestApplicationContext, Type } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { UsersService } from "@uslimato/server-access";
import { LicensingService } from "@uslimato/server-licensing";
import { TenantsService } from "@uslimato/server-tenants";
import {
  openTestDatabase,
  PASSWORD,
  ROOT,
  type ServerProcess,
  startServer,
  type TestDatabase,
  uniqueSlug,
} from "@uslimato/server-testing";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { ServicesModule } from "./services.module.ts";

// What the browser tests share: the real server (the built tickets-api as a child process) on a test
// database, serving the built Angular app (dist/apps/web/browser), driven in Debian's Chromium; the data set up through the product's
// services; signing in through the form; screenshots in test-results/.
export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = path.join(ROOT, "test-results");
/** `describe` for the browser tests: they need Debian's Chromium and are skipped without it. */
export const describeBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1360, height: 900 };
export const PHONE: Viewport = { width: 375, height: 740 };

/** The operator the server creates at start (OPERATOR_EMAIL / OPERATOR_PASSWORD). */
export const OPERATOR = { email: "ops@uslimato.test", password: "operator pass phrase 42" } as const;

export type TestTenant = Awaited<ReturnType<BrowserSuite["makeTenant"]>>;

/** The test database, the server and the browser of one suite; the fields are set once its beforeAll ran. */
export class BrowserSuite {
  t!: TestDatabase;
  /** The product's services on the test database (see ServicesModule). */
  nest!: INestApplicationContext;
  server!: ServerProcess;
  browser!: Browser;
  /** Contexts opened by `newPage`, closed with the suite. */
  readonly contexts: BrowserContext[] = [];
  /** What the pages' Content Security Policy refused since the last `takeCspViolations`. */
  private cspViolations: string[] = [];

  /** A service of the product (`suite.get(TicketsService).changeTicket(…)`). */
  get<T>(service: Type<T>): T {
    return this.nest.get(service);
  }

  async start(): Promise<void> {
    this.t = await openTestDatabase();
    this.nest = await NestFactory.createApplicationContext(
      ServicesModule.forRoot(this.t.config, this.t.database),
      { logger: false, abortOnError: false },
    );
    this.server = await startServer({
      ...this.t.env,
      OPERATOR_EMAIL: OPERATOR.email,
      OPERATOR_PASSWORD: OPERATOR.password,
    });
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
    await this.nest?.close();
    await this.t?.close();
  }

  /** A tenant with its admin; `license: true` also activates ITSM with every flag. */
  async makeTenant(options: { license?: boolean } = {}) {
    const slug = uniqueSlug();
    const adminEmail = `admin@${slug}.test`;
    const tenant = await this.get(TenantsService).createTenant({
      slug,
      name: `Tenant ${slug}`,
      adminEmail,
      adminPassword: PASSWORD,
    });
    if (options.license) await this.get(LicensingService).setLicense(tenant.id, { active: true });
    return { ...tenant, adminEmail };
  }

  /** A user of `tenantId` with the test password, in `groups`; returns the user's id. */
  async addUser(tenantId: string, email: string, name: string, groups: string[] = []): Promise<string> {
    const user = await this.get(UsersService).createUser(tenantId, {
      email,
      name,
      password: PASSWORD,
      groups,
    });
    return user.id;
  }

  /** The id of the (only) user with this email in the test database. */
  async userId(email: string): Promise<string> {
    const rows: { id: string }[] = await this.t.database.dataSource.query(
      "select id from users where email = $1",
      [email],
    );
    assert.equal(rows.length, 1, `one user ${email}`);
    return (rows[0] as { id: string }).id;
  }

  /** A page in a fresh browser context (own cookies) at `viewport`, watched for CSP violations. */
  async newPage(viewport?: Viewport): Promise<Page> {
    const context = await this.browser.newContext(viewport ? { viewport } : {});
    this.contexts.push(context);
    // Chromium reports what a Content Security Policy blocks as a console error ("Refused to …").
    context.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && /Content Security Policy/i.test(text)) {
        this.cspViolations.push(`${message.location().url || message.page()?.url()}: ${text}`);
      }
    });
    return context.newPage();
  }

  /** The CSP violations reported since the last call (and forgets them). */
  takeCspViolations(): string[] {
    const violations = this.cspViolations;
    this.cspViolations = [];
    return violations;
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
    const page = await this.newPage(viewport);
    await this.signIn(page, email);
    return page;
  }
}

/**
 * Call inside `describe`, before the suite's own hooks: starts the test database, the services, the
 * server and Chromium before the suite's tests and closes them after. After each test: no page may
 * have hit the Content Security Policy the server sends.
 */
export function browserSuite(): BrowserSuite {
  const suite = new BrowserSuite();
  beforeAll(() => suite.start());
  afterAll(() => suite.stop());
  afterEach(() => {
    assert.deepEqual(suite.takeCspViolations(), [], "the Content Security Policy blocked something");
  });
  return suite;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * A Material dialog once it is open: its opening transition over and focus moved into it. Typing sooner
 * races the dialog's own focus move (it focuses its first field when the transition ends), and the text
 * lands in the wrong field — seen under load.
 */
export async function openedDialog(page: Page, name?: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole("dialog", name === undefined ? {} : { name });
  await dialog.waitFor();
  await dialog.evaluate(
    (el) =>
      new Promise<void>((resolve, reject) => {
        const container = el.closest(".mat-mdc-dialog-container") ?? el;
        const settled = () =>
          container.classList.contains("mdc-dialog--open") &&
          !container.classList.contains("mdc-dialog--opening") &&
          container.contains(el.ownerDocument.activeElement);
        const giveUp = Date.now() + 15_000;
        const poll = () => {
          if (settled()) resolve();
          else if (Date.now() > giveUp) reject(new Error("the dialog opened but focus never moved into it"));
          else setTimeout(poll, 16);
        };
        poll();
      }),
  );
  return dialog;
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

/**
 * axe on the page as it is: no serious or critical violation. `exclude`: CSS selectors axe skips — a
 * sandboxed iframe (the email preview) must be: axe cannot run inside it and waits for it forever.
 */
export async function assertAccessible(page: Page, what: string, exclude: string[] = []): Promise<void> {
  // Let opening transitions finish first: colours caught mid-fade fail the contrast check.
  // (In the page; the server's tsconfig has no DOM types, hence the element's document and the annotation.)
  await page
    .locator("html")
    .evaluate((html) =>
      Promise.all(
        html.ownerDocument
          .getAnimations()
          .map((a: { finished: Promise<unknown> }) => a.finished.catch(() => {})),
      ),
    );
  const axe = new AxeBuilder({ page });
  for (const selector of exclude) axe.exclude(selector);
  const { violations } = await axe.analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).join(", ")}`,
    ),
    [],
    `axe found problems on ${what}`,
  );
}
