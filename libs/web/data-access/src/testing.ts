// `@uslimato/web-data-access/testing`: the web component specs' shared setup (a session, the TestBed
// providers, signing in, settling). A secondary entry point, not part of the library's index, so nothing
// here reaches the app's bundle. It imports only *types* of Angular's testing packages and no jest API:
// a spec hands the testing pieces in (see `WebTesting`), which keeps the helpers usable from any spec.
import type { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { ANIMATION_MODULE_TYPE } from "@angular/core";
import type { ComponentFixture, TestBedStatic } from "@angular/core/testing";
import { provideRouter, type Routes } from "@angular/router";
import { FEATURE_FLAGS, type FeatureFlag } from "@uslimato/domain";
import { provideApi } from "./lib/provide-api.ts";
import { type Session, SessionStore } from "./lib/session.store.ts";

/** The testing pieces a spec hands in: `{ TestBed, HttpTestingController, provideHttpClientTesting }`. */
export interface WebTesting {
  TestBed: TestBedStatic;
  HttpTestingController: typeof HttpTestingController;
  provideHttpClientTesting: typeof provideHttpClientTesting;
}

/** Ada, the default user of `testSession`. */
const ADA: Session["user"] = { id: "ada", name: "Ada Admin", email: "ada@x.test" };

/**
 * A signed-in session in workspace "acme" (CSRF token "csrf"): `user` (Ada Admin by default) with
 * `permissions`, every feature flag on but those in `off`, the ITSM license as `licensed` (true by default).
 */
export function testSession({
  permissions,
  off = [],
  user = ADA,
  licensed = true,
}: {
  permissions: string[];
  off?: readonly FeatureFlag[];
  user?: Session["user"];
  licensed?: boolean;
}): Session {
  return {
    user,
    tenant: { id: "t", slug: "acme", name: "Acme" },
    permissions,
    features: Object.fromEntries(FEATURE_FLAGS.map((f) => [f, !off.includes(f)])) as Record<
      FeatureFlag,
      boolean
    >,
    itsmLicensed: licensed,
    csrfToken: "csrf",
  };
}

/**
 * Lets pending promise chains run (HTTP answers → signals), then renders: a fixture by its change
 * detection, or the whole application (an `ApplicationRef`, e.g. for dialogs) by a tick.
 */
export async function settle(view: Pick<ComponentFixture<unknown>, "detectChanges"> | { tick(): void }) {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  if ("detectChanges" in view) view.detectChanges();
  else view.tick();
}

/**
 * Configures TestBed with the HTTP layer on the testing backend, a router with `routes` and no animations
 * (Material and CDK read "NoopAnimations" as disabled); signs in as `session` when given. Answers the
 * testing backend.
 */
export async function startTestBed(
  testing: WebTesting,
  { session, routes = [] }: { session?: Session; routes?: Routes } = {},
): Promise<HttpTestingController> {
  testing.TestBed.configureTestingModule({
    providers: [
      provideApi(),
      testing.provideHttpClientTesting(),
      provideRouter(routes),
      { provide: ANIMATION_MODULE_TYPE, useValue: "NoopAnimations" },
    ],
  });
  if (session) await signIn(testing, session);
  return testing.TestBed.inject(testing.HttpTestingController);
}

/** Loads the session store, answering its `/api/session` request with `session`. */
export async function signIn(testing: WebTesting, session: Session): Promise<void> {
  const loading = testing.TestBed.inject(SessionStore).load();
  testing.TestBed.inject(testing.HttpTestingController).expectOne("/api/session").flush(session);
  await loading;
}
