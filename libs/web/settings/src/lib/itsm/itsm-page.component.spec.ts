import { provideHttpClient, withInterceptors } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { provideRouter } from "@angular/router";
import { describe, expect, it } from "@jest/globals";
import { problemInterceptor } from "@uslimato/web-data-access";
import { ItsmPageComponent } from "./itsm-page.component.ts";

async function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([problemInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(ItsmPageComponent);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, el, http, settle };
}

describe("ItsmPageComponent", () => {
  it("says why the settings could not be loaded instead of spinning", async () => {
    const { el, http, settle } = await setup();
    expect(el.querySelector("[role=status]")?.textContent).toContain("Loading the ITSM settings");
    http
      .expectOne("/api/settings/itsm")
      .flush(
        { title: "Service unavailable", status: 503 },
        { status: 503, statusText: "Service Unavailable" },
      );
    await settle();
    expect(el.querySelector("[role=status]")).toBeNull();
    expect(el.querySelector("[role=alert]")?.textContent).toContain("Service unavailable");
  });

  it("shows the server's message for a bad prefix under the field, upper-casing what is typed", async () => {
    const { el, http, settle } = await setup();
    http.expectOne("/api/settings/itsm").flush({ ticketPrefix: "TKT", autoCloseDays: 7 });
    await settle();
    const prefix = el.querySelector("input[formcontrolname=ticketPrefix]") as HTMLInputElement;
    expect(prefix.value).toBe("TKT");
    expect(el.textContent).toContain("e.g. TKT-000042");
    prefix.value = "9x";
    prefix.dispatchEvent(new Event("input"));
    (el.querySelector("form") as HTMLFormElement).dispatchEvent(new Event("submit"));
    const save = http.expectOne((r) => r.method === "PATCH");
    expect(save.request.body).toEqual({ ticketPrefix: "9X", autoCloseDays: 7 });
    const message = "Ticket prefix must be 2–10 characters, A–Z and 0–9, starting with a letter (e.g. TKT).";
    save.flush(
      {
        title: "The request is not valid",
        status: 422,
        detail: `ticketPrefix: ${message}`,
        errors: [{ field: "ticketPrefix", message }],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await settle();
    expect(el.querySelector("mat-error")?.textContent?.trim()).toBe(message);
  });
});

describe("ItsmPageComponent: the queue email address", () => {
  it("saves a new address, sends null to clear it, and shows the server's message under it", async () => {
    const { el, http, settle } = await setup();
    http.expectOne("/api/settings/itsm").flush({ ticketPrefix: "TKT", autoCloseDays: 7, queueEmail: null });
    await settle();
    const queue = el.querySelector("input[formcontrolname=queueEmail]") as HTMLInputElement;
    expect(queue.value).toBe("");
    queue.value = "desk@acme.test";
    queue.dispatchEvent(new Event("input"));
    (el.querySelector("form") as HTMLFormElement).dispatchEvent(new Event("submit"));
    const save = http.expectOne((r) => r.method === "PATCH");
    expect(save.request.body).toEqual({
      ticketPrefix: "TKT",
      autoCloseDays: 7,
      queueEmail: "desk@acme.test",
    });
    save.flush(
      {
        title: "The request is not valid",
        status: 422,
        detail: "queueEmail: must be an email address",
        errors: [{ field: "queueEmail", message: "must be an email address" }],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await settle();
    expect(el.querySelector("mat-error")?.textContent?.trim()).toBe(
      "Queue email address must be an email address",
    );

    queue.value = "";
    queue.dispatchEvent(new Event("input"));
    (el.querySelector("form") as HTMLFormElement).dispatchEvent(new Event("submit"));
    expect(http.expectOne((r) => r.method === "PATCH").request.body).toEqual({
      ticketPrefix: "TKT",
      autoCloseDays: 7,
      queueEmail: null,
    });
  });
});
