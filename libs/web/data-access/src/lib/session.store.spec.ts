import { HttpClient } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { firstValueFrom } from "rxjs";
import { ApiProblem, problemOf } from "./problem.ts";
import { provideApi } from "./provide-api.ts";
import { type Session, SessionStore } from "./session.store.ts";

const session: Session = {
  user: { id: "u1", name: "Ada", email: "ada@example.test" },
  tenant: { id: "t1", slug: "acme", name: "Acme" },
  permissions: ["tickets:manage", "tickets:close"],
  features: {
    agent_portal: true,
    end_user_portal: false,
    asset_integration: false,
    email_notifications: false,
    email_templates: false,
    public_api: false,
    movement_link: false,
  },
  itsmLicensed: true,
  csrfToken: "csrf-123",
};

describe("SessionStore and the HTTP layer", () => {
  let http: HttpTestingController;
  let store: SessionStore;
  let client: HttpClient;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideApi(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => http.verify());

  it("loads the session, answers can/flagOn from it, and sends its CSRF token on writes only", async () => {
    const loading = store.load();
    http.expectOne("/api/session").flush(session);
    await loading;
    expect(store.can("tickets:manage")).toBe(true);
    expect(store.can("users:manage")).toBe(false);
    expect(store.flagOn("agent_portal")).toBe(true);
    expect(store.flagOn("end_user_portal")).toBe(false);

    void firstValueFrom(client.get("/api/tickets"));
    expect(http.expectOne("/api/tickets").request.headers.has("x-csrf-token")).toBe(false);
    void firstValueFrom(client.post("/api/tickets", {}));
    const write = http.expectOne({ method: "POST", url: "/api/tickets" });
    expect(write.request.headers.get("x-csrf-token")).toBe("csrf-123");
    write.flush({});
  });

  it("treats a 401 on the session lookup as nobody signed in", async () => {
    const loading = store.load();
    http
      .expectOne("/api/session")
      .flush({ title: "Unauthorized" }, { status: 401, statusText: "Unauthorized" });
    expect(await loading).toBeNull();
    expect(store.session()).toBeNull();
    expect(store.expired()).toBe(false);
  });

  it("turns problem+json into field errors and a message", async () => {
    const call = firstValueFrom(client.post("/api/tickets", {}));
    http.expectOne("/api/tickets").flush(
      {
        type: "about:blank",
        title: "Validation failed",
        detail: "The request is not valid.",
        status: 400,
        errors: [{ field: "title", message: "title must be shorter than or equal to 200 characters" }],
      },
      { status: 400, statusText: "Bad Request" },
    );
    const err = await call.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect(problemOf(err)).toMatchObject({
      status: 400,
      title: "Validation failed",
      detail: "The request is not valid.",
      fieldErrors: { title: "Title must be shorter than or equal to 200 characters" },
    });
  });

  it("flags an expired session on a 401 mid-work and keeps the session (and the page) as it is", async () => {
    const loading = store.load();
    http.expectOne("/api/session").flush(session);
    await loading;
    const call = firstValueFrom(client.post("/api/tickets/1/comments", { body: "typed" }));
    http
      .expectOne("/api/tickets/1/comments")
      .flush({ title: "Unauthorized" }, { status: 401, statusText: "Unauthorized" });
    await expect(call).rejects.toBeInstanceOf(ApiProblem);
    expect(store.expired()).toBe(true);
    expect(store.session()).not.toBeNull();
  });

  it("signs in and out, replacing the CSRF token", async () => {
    const signingIn = store.signIn({ email: "ada@example.test", password: "pw" });
    http.expectOne("/api/auth/sign-in").flush(session);
    await signingIn;
    expect(store.session()?.user.name).toBe("Ada");
    const signingOut = store.signOut();
    const out = http.expectOne("/api/auth/sign-out");
    expect(out.request.headers.get("x-csrf-token")).toBe("csrf-123");
    out.flush(null, { status: 204, statusText: "No Content" });
    await signingOut;
    expect(store.session()).toBeNull();
  });
});
