import { provideHttpClient, withInterceptors } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { provideRouter } from "@angular/router";
import { describe, expect, it } from "@jest/globals";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { CsrfTokens, csrfInterceptor, problemInterceptor } from "@uslimato/web-data-access";
import { LicenseFormComponent } from "./license-form.component.ts";
import type { License, Tenant } from "./types.ts";

const TENANT: Tenant = {
  id: "t1",
  slug: "acme",
  name: "Acme",
  createdAt: "2026-11-01T00:00:00Z",
  license: null,
  usage: { agents: 0, maxAgents: null, emailsThisMonth: 0, maxEmailsMonth: null },
};
const URL = "/api/operator/tenants/acme/license";

function setup(tenant: Tenant = TENANT) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([problemInterceptor, csrfInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  TestBed.inject(CsrfTokens).set("operator", "op-token");
  TestBed.inject(CsrfTokens).set("tenant", "user-token");
  const fixture = TestBed.createComponent(LicenseFormComponent);
  fixture.componentRef.setInput("tenant", tenant);
  const saved: { license: License; what: string }[] = [];
  fixture.componentInstance.saved.subscribe((s) => saved.push(s));
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    [...el.querySelectorAll("button")].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
  const input = (name: string) => el.querySelector(`input[name=${name}]`) as HTMLInputElement;
  return { fixture, el, button, input, saved, http: TestBed.inject(HttpTestingController) };
}

describe("LicenseFormComponent", () => {
  it("activates a new license with every flag and the default quotas, with the operator's CSRF token", async () => {
    const { fixture, button, input, saved, http } = setup();
    expect(input("maxAgents").value).toBe("10");
    expect(input("maxEmailsMonth").value).toBe("10000");
    expect(input("apiRateLimit").value).toBe("600");
    expect(button("Deactivate license")).toBeUndefined();
    button("Activate license").click();
    const req = http.expectOne(URL);
    expect(req.request.method).toBe("PUT");
    expect(req.request.headers.get("x-csrf-token")).toBe("op-token");
    expect(req.request.body).toEqual({
      active: true,
      flags: [...FEATURE_FLAGS],
      maxAgents: 10,
      maxEmailsMonth: 10_000,
      apiRateLimit: 600,
    });
    const license: License = {
      active: true,
      flags: [...FEATURE_FLAGS],
      maxAgents: 10,
      maxEmailsMonth: 10_000,
      apiRateLimit: 600,
      activatedAt: "2026-12-01T00:00:00Z",
      updatedAt: "2026-12-01T00:00:00Z",
    };
    req.flush(license);
    await fixture.whenStable();
    expect(saved).toEqual([{ license, what: "activated" }]);
  });

  it("sends only the flags left on, and deactivates without touching the settings", async () => {
    const license: License = {
      active: true,
      flags: ["agent_portal", "public_api"],
      maxAgents: 3,
      maxEmailsMonth: 100,
      apiRateLimit: 60,
      activatedAt: null,
      updatedAt: null,
    };
    const { fixture, el, button, http } = setup({ ...TENANT, license });
    const toggles = [...el.querySelectorAll("mat-slide-toggle")];
    const publicApi = toggles.find((t) => t.textContent?.includes("public_api"));
    (publicApi?.querySelector("button") as HTMLButtonElement | null)?.click();
    fixture.detectChanges();
    button("Save changes").click();
    const save = http.expectOne(URL);
    expect(save.request.body).toMatchObject({ active: true, flags: ["agent_portal"], maxAgents: 3 });
    save.flush({ ...license, flags: ["agent_portal"] });
    await fixture.whenStable();
    button("Deactivate license").click();
    const off = http.expectOne(URL);
    expect(off.request.body).toEqual({ active: false });
  });

  it("shows a quota the server refuses under its field, and a bad number before sending", async () => {
    const { fixture, el, button, input, http } = setup();
    input("apiRateLimit").value = "0";
    input("apiRateLimit").dispatchEvent(new Event("input"));
    button("Activate license").click();
    fixture.detectChanges();
    http.expectNone(URL);
    expect(el.querySelector("mat-error")?.textContent?.trim()).toBe(
      "API rate limit must be a whole number of at least 1",
    );

    input("apiRateLimit").value = "5";
    input("apiRateLimit").dispatchEvent(new Event("input"));
    button("Activate license").click();
    http.expectOne(URL).flush(
      {
        title: "The request is not valid",
        status: 422,
        detail: "maxEmailsMonth: must be a whole number between 0 and 10,000,000",
        errors: [{ field: "maxEmailsMonth", message: "must be a whole number between 0 and 10,000,000" }],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect([...el.querySelectorAll("mat-error")].map((e) => e.textContent?.trim())).toEqual([
      "Max emails per month must be a whole number between 0 and 10,000,000",
    ]);
  });
});
