import { provideHttpClient } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { MatDialogRef } from "@angular/material/dialog";
import { describe, expect, it, jest } from "@jest/globals";
import type { CreatedApiKey } from "../types.ts";
import { NewApiKeyDialogComponent } from "./new-api-key-dialog.component.ts";

const SECRET = "usk_live_0123456789abcdefghijklmnopqrstuv";
const CREATED: CreatedApiKey = {
  id: "k1",
  name: "Monitoring",
  hint: "usk_…stuv",
  scopes: ["tickets:read"],
  owner: { id: "u1", name: "Ada", email: "ada@x.test" },
  status: "active",
  created_at: "2026-12-01T00:00:00Z",
  expires_at: null,
  last_used_at: null,
  revoked_at: null,
  notes: ["Reads every ticket of the workspace."],
  usage: {
    today: { requests: 0, status_2xx: 0, status_4xx: 0, status_5xx: 0 },
    last_30_days: { requests: 0, status_2xx: 0, status_4xx: 0, status_5xx: 0 },
  },
  secret: SECRET,
};

async function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: MatDialogRef, useValue: { close: jest.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(NewApiKeyDialogComponent);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne("/api/api-keys/owners")
    .flush([{ id: "u1", name: "Ada", email: "ada@x.test", permissions: [] }]);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    [...el.querySelectorAll("button")].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
  const submit = async () => {
    button("Create key").click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, http, button, submit };
}

describe("NewApiKeyDialogComponent", () => {
  it("asks for a name next to the field before anything is sent", async () => {
    const { el, http, submit } = await setup();
    await submit();
    expect(el.querySelector("mat-error")?.textContent?.trim()).toBe("Enter a name");
    http.expectNone("/api/api-keys");
  });

  it("shows the whole key once after creating it, and not the form any more", async () => {
    const { fixture, el, http, submit } = await setup();
    const name = el.querySelector<HTMLInputElement>("input[formcontrolname=name]") as HTMLInputElement;
    name.value = "Monitoring";
    name.dispatchEvent(new Event("input"));
    await submit();
    const req = http.expectOne("/api/api-keys");
    expect(req.request.method).toBe("POST");
    // No session in this test: the owner is left to the server (the admin creating it).
    expect(req.request.body).toEqual({ name: "Monitoring", scopes: ["tickets:read"] });
    req.flush(CREATED);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector("h2")?.textContent?.trim()).toBe("Your new API key");
    expect(el.textContent).toContain("Copy the key now");
    const shown = [...el.querySelectorAll<HTMLInputElement>("input")].map((i) => i.value);
    expect(shown).toEqual([SECRET]);
    expect(el.querySelector("input[formcontrolname=name]")).toBeNull();
    expect(el.textContent).toContain("Reads every ticket of the workspace.");
  });

  it("puts the server's field messages under their fields", async () => {
    const { fixture, el, http, submit } = await setup();
    const name = el.querySelector<HTMLInputElement>("input[formcontrolname=name]") as HTMLInputElement;
    name.value = "Monitoring";
    name.dispatchEvent(new Event("input"));
    await submit();
    http.expectOne("/api/api-keys").flush(
      {
        title: "The request is not valid",
        status: 422,
        detail: "expires_at: must be a date in the future",
        errors: [{ field: "expires_at", message: "must be a date in the future" }],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector("mat-error")?.textContent?.trim()).toBe("Expires must be a date in the future");
    expect(el.querySelector("[role=alert]")).toBeNull();
  });
});
