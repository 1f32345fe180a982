import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { provideRouter } from "@angular/router";
import { provideApi, type Session, SessionStore } from "@uslimato/web-data-access";
import type { Ticket } from "../common/types.ts";
import { TicketPageComponent } from "./ticket-page.component.ts";

const features = {
  agent_portal: true,
  end_user_portal: true,
  asset_integration: false,
  email_notifications: false,
  email_templates: false,
  public_api: false,
  movement_link: false,
};
const agent = (permissions: string[]): Session => ({
  user: { id: "alice", name: "Alice Agent", email: "alice@x.test" },
  tenant: { id: "t", slug: "acme", name: "Acme" },
  permissions,
  features,
  itsmLicensed: true,
  csrfToken: "csrf",
});
const ticket = (patch: Partial<Ticket> = {}): Ticket => ({
  id: "id-1",
  number: "TKT-000001",
  type: "incident",
  status: "in_progress",
  priority: "high",
  title: "Printer <script>alert(1)</script>",
  description: "See https://example.test/manual.",
  reporter: { id: "rita", name: "Rita Reporter", email: "rita@x.test" },
  assignee: { id: "alice", name: "Alice Agent", email: "alice@x.test" },
  asset_id: null,
  cancel_reason: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
  resolved_at: null,
  closed_at: null,
  ...patch,
});

/** Lets promise chains run (HTTP answers → signals), then renders. */
async function settle(fixture: ComponentFixture<unknown>) {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  fixture.detectChanges();
}

describe("TicketPageComponent", () => {
  let http: HttpTestingController;

  async function open(session: Session, t: Ticket) {
    TestBed.configureTestingModule({
      providers: [
        provideApi(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne("/api/session").flush(session);
    await loading;
    const fixture = TestBed.createComponent(TicketPageComponent);
    fixture.componentRef.setInput("number", t.number);
    fixture.detectChanges();
    await serve(fixture, t);
    for (const r of http.match("/api/tickets/agents")) r.flush([session.user]);
    await settle(fixture);
    return fixture;
  }

  async function serve(fixture: ComponentFixture<unknown>, t: Ticket) {
    await settle(fixture);
    http.expectOne(`/api/tickets/${t.number}`).flush(t);
    http.expectOne(`/api/tickets/${t.number}/comments`).flush([
      {
        id: "c1",
        body: "Toner code 42",
        visibility: "internal",
        author: { id: "alice", name: "Alice Agent" },
        created_at: "2026-01-01T10:01:00Z",
      },
      {
        id: "c2",
        body: "New toner tomorrow",
        visibility: "external",
        author: { id: "alice", name: "Alice Agent" },
        created_at: "2026-01-01T10:02:00Z",
      },
    ]);
    http.expectOne(`/api/tickets/${t.number}/history`).flush([
      {
        id: "h1",
        kind: "status",
        field: null,
        old_value: "open",
        new_value: "in_progress",
        internal: false,
        actor: { id: "alice", name: "Alice Agent" },
        created_at: "2026-01-01T10:00:30Z",
      },
    ]);
    await settle(fixture);
  }

  const buttons = (el: HTMLElement) =>
    [...el.querySelectorAll<HTMLButtonElement>('section[aria-labelledby="ticket-actions"] button')].map((b) =>
      b.textContent?.trim(),
    );

  afterEach(() => http.verify());

  it("offers only the moves the transition table allows this agent", async () => {
    const full = await open(agent(["tickets:manage", "tickets:close"]), ticket());
    expect(buttons(full.nativeElement)).toEqual(["Resolve", "Cancel ticket", "Edit title and description"]);
    TestBed.resetTestingModule();

    const dispatcher = await open(agent(["tickets:manage"]), ticket());
    expect(buttons(dispatcher.nativeElement)).toEqual(["Cancel ticket", "Edit title and description"]);
  });

  it("shows typed text as text, internal notes and replies differently, and nothing to do on a closed ticket", async () => {
    const fixture = await open(agent(["tickets:manage", "tickets:close"]), ticket());
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector("h1")?.textContent).toContain("Printer <script>alert(1)</script>");
    expect(el.querySelector("script")).toBeNull();
    expect(el.querySelector('a[href="https://example.test/manual"]')).not.toBeNull();
    expect(el.querySelector('article[data-visibility="internal"]')?.textContent).toContain("Internal note");
    expect(el.querySelector('article[data-visibility="external"]')?.textContent).toContain(
      "Reply to reporter",
    );
    expect(el.textContent).toContain("Status changed from open to in progress");
    const internal = el.querySelector<HTMLInputElement>(
      'form[aria-label="New note or reply"] input[value="internal"]',
    );
    expect(internal?.checked).toBe(true);
    TestBed.resetTestingModule();

    const closed = await open(
      agent(["tickets:manage", "tickets:close"]),
      ticket({ status: "closed", closed_at: "2026-01-02T10:00:00Z" }),
    );
    const c: HTMLElement = closed.nativeElement;
    expect(c.textContent).toContain("This ticket is closed");
    expect(c.querySelector('form[aria-label="New note or reply"]')).toBeNull();
    expect(c.querySelector('section[aria-labelledby="ticket-actions"]')).toBeNull();
  });

  it("shows the server's message for a refused move and re-reads the ticket and the session", async () => {
    const fixture = await open(agent(["tickets:manage", "tickets:close"]), ticket());
    const el: HTMLElement = fixture.nativeElement;
    const resolve = [...el.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Resolve");
    resolve?.click();
    await settle(fixture);
    const patch = http.expectOne({ method: "PATCH", url: "/api/tickets/id-1" });
    expect(patch.request.body).toEqual({ status: "resolved" });
    expect(patch.request.headers.get("x-csrf-token")).toBe("csrf");
    patch.flush(
      {
        title: "Forbidden",
        status: 403,
        detail: "Moving a ticket from in_progress to resolved needs the permission tickets:close.",
      },
      { status: 403, statusText: "Forbidden" },
    );
    await settle(fixture);
    http.expectOne("/api/session").flush(agent(["tickets:manage"]));
    await serve(fixture, ticket());
    expect(el.querySelector('[role="alert"]')?.textContent).toContain("Could not resolve the ticket");
    expect(el.textContent).toContain("needs the permission tickets:close");
    expect(buttons(el)).toEqual(["Cancel ticket", "Edit title and description"]);
  });
});
