import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { provideApi, type Session, SessionStore } from "@uslimato/web-data-access";
import { SignInFormComponent } from "./sign-in-form.component.ts";

async function settle(fixture: ComponentFixture<unknown>) {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  fixture.detectChanges();
}

function type(el: HTMLElement, selector: string, value: string) {
  const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? "change" : "input"));
}

describe("SignInFormComponent", () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SignInFormComponent>;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideApi(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInFormComponent);
    fixture.detectChanges();
    el = fixture.nativeElement;
  });

  afterEach(() => http.verify());

  const submit = () => el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

  it("has labelled Email and Password fields and asks for both before sending", async () => {
    expect([...el.querySelectorAll("mat-label")].map((l) => l.textContent?.trim())).toEqual([
      "Email",
      "Password",
    ]);
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).toBe("Sign in");
    submit();
    await settle(fixture);
    expect(el.textContent).toContain("Enter your email address");
    expect(el.textContent).toContain("Enter your password");
  });

  it("asks for the workspace when the email belongs to several, then signs in to the chosen one", async () => {
    const signedIn: Session[] = [];
    fixture.componentInstance.signedIn.subscribe((s) => signedIn.push(s));
    type(el, 'input[type="email"]', "ada@x.test");
    type(el, 'input[type="password"]', "secret");
    submit();
    await settle(fixture);
    http.expectOne("/api/auth/sign-in").flush(
      {
        title: "Choose a workspace",
        status: 409,
        tenants: [
          { slug: "acme", name: "Acme" },
          { slug: "beta", name: "Beta" },
        ],
      },
      { status: 409, statusText: "Conflict" },
    );
    await settle(fixture);
    expect(el.textContent).toContain("This email address belongs to several workspaces");
    type(el, "select", "beta");
    submit();
    await settle(fixture);
    const req = http.expectOne("/api/auth/sign-in");
    expect(req.request.body).toEqual({ email: "ada@x.test", password: "secret", tenant: "beta" });
    const session = { user: { id: "u", name: "Ada", email: "ada@x.test" }, csrfToken: "t" } as Session;
    req.flush(session);
    await settle(fixture);
    expect(signedIn).toHaveLength(1);
    expect(TestBed.inject(SessionStore).session()?.user.name).toBe("Ada");
  });

  it("shows the server's message for wrong credentials", async () => {
    type(el, 'input[type="email"]', "ada@x.test");
    type(el, 'input[type="password"]', "wrong");
    submit();
    await settle(fixture);
    http
      .expectOne("/api/auth/sign-in")
      .flush(
        { title: "Unauthorized", status: 401, detail: "The email or password is not correct." },
        { status: 401, statusText: "Unauthorized" },
      );
    await settle(fixture);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      "The email or password is not correct.",
    );
  });
});
