import { provideHttpClient, withInterceptors } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { provideRouter, Router } from "@angular/router";
import { describe, expect, it } from "@jest/globals";
import { CsrfTokens, problemInterceptor } from "@uslimato/web-data-access";
import { OperatorSessionStore } from "./operator-session.store.ts";
import { OperatorSignInComponent } from "./sign-in.component.ts";

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([problemInterceptor])),
      provideHttpClientTesting(),
      provideRouter([{ path: "operator", children: [] }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(OperatorSignInComponent);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const fill = (label: string, value: string) => {
    const field = [...el.querySelectorAll("mat-form-field")].find(
      (f) => f.querySelector("mat-label")?.textContent === label,
    );
    const input = field?.querySelector("input") as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event("input"));
  };
  const submit = () => (el.querySelector("form") as HTMLFormElement).dispatchEvent(new Event("submit"));
  return { fixture, el, fill, submit, http: TestBed.inject(HttpTestingController) };
}

describe("OperatorSignInComponent", () => {
  it("labels its fields Email and Password and its button Sign in", () => {
    const { el } = setup();
    expect([...el.querySelectorAll("mat-label")].map((l) => l.textContent)).toEqual(["Email", "Password"]);
    expect(el.querySelector("button[type=submit]")?.textContent?.trim()).toBe("Sign in");
  });

  it("shows the server's message for a wrong password and stays", async () => {
    const { fixture, el, fill, submit, http } = setup();
    fill("Email", "ops@uslimato.test");
    fill("Password", "nope");
    submit();
    http
      .expectOne("/api/operator/sign-in")
      .flush(
        { title: "Sign-in required", status: 401, detail: "The email or password is not correct." },
        { status: 401, statusText: "Unauthorized" },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector("[role=alert]")?.textContent?.trim()).toBe(
      "The email or password is not correct.",
    );
    expect(TestBed.inject(OperatorSessionStore).session()).toBeUndefined();
  });

  it("keeps the operator's CSRF token and opens the console", async () => {
    const { fixture, fill, submit, http } = setup();
    fill("Email", " ops@uslimato.test ");
    fill("Password", "pass phrase");
    submit();
    const req = http.expectOne("/api/operator/sign-in");
    expect(req.request.body).toEqual({ email: "ops@uslimato.test", password: "pass phrase" });
    req.flush({ operator: { id: "o1", email: "ops@uslimato.test" }, csrfToken: "op-token" });
    await fixture.whenStable();
    expect(TestBed.inject(CsrfTokens).get("operator")).toBe("op-token");
    expect(TestBed.inject(CsrfTokens).get("tenant")).toBeNull();
    expect(TestBed.inject(Router).url).toBe("/operator");
  });
});
