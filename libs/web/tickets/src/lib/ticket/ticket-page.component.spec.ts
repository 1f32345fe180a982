import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { FEATURE_FLAGS, type FeatureFlag } from "@uslimato/domain";
import type { Session } from "@uslimato/web-data-access";
import { settle, startTestBed, testSession } from "@uslimato/web-data-access/testing";
import { testTicket } from "../common/test-ticket.ts";
import type { Ticket } from "../common/types.ts";
import { TicketPageComponent } from "./ticket-page.component.ts";

/** Alice with `permissions`; the agent and end-user portals on, the other flags off unless `flags` turns them on. */
const agent = (permissions: string[], flags: Partial<Record<FeatureFlag, boolean>> = {}): Session => {
  const on: Partial<Record<FeatureFlag, boolean>> = { agent_portal: true, end_user_portal: true, ...flags };
  return testSession({
    user: { id: "alice", name: "Alice Agent", email: "alice@x.test" },
    permissions,
    off: FEATURE_FLAGS.filter((f) => !on[f]),
  });
};
const ticket = (patch: Partial<Ticket> = {}): Ticket =>
  testTicket({
    status: "in_progress",
    priority: "high",
    title: "Printer <script>alert(1)</script>",
    description: "See https://example.test/manual.",
    assignee: { id: "alice", name: "Alice Agent", email: "alice@x.test" },
    ...patch,
  });

const laptop = { id: "a-1", name: "Dell Latitude 5440", tag: "AT-0042", deleted: false };
const movements = [
  {
    id: "m-2",
    asset_id: "a-1",
    from_location: "Lab",
    to_location: "",
    from_person: null,
    to_person: { id: "rita", name: "Rita Reporter", email: "rita@x.test" },
    moved_at: "2026-12-05T09:00:00Z",
    note: "",
    recorded_by: null,
  },
  {
    id: "m-1",
    asset_id: "a-1",
    from_location: "HQ",
    to_location: "Lab",
    from_person: null,
    to_person: null,
    moved_at: "2026-12-01T09:00:00Z",
    note: "For testing",
    recorded_by: null,
  },
];
const day = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));

describe("TicketPageComponent", () => {
  let http: HttpTestingController;

  async function open(session: Session, t: Ticket) {
    http = await startTestBed({ TestBed, HttpTestingController, provideHttpClientTesting }, { session });
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

  /** The `<dd>` of a details entry, by its `<dt>`. */
  const entry = (el: HTMLElement, term: string) =>
    [...el.querySelectorAll("dt")].find((dt) => dt.textContent?.trim() === term)?.nextElementSibling ?? null;
  /** The control a visible label is tied to. */
  const labelled = <T extends HTMLElement>(el: HTMLElement, text: string): T | null => {
    const label = [...el.querySelectorAll("label")].find((l) => l.textContent?.trim() === text);
    return label ? el.querySelector<T>(`#${label.getAttribute("for")}`) : null;
  };

  it("shows the asset with a link to its page and links a movement of it (movement_link)", async () => {
    const t = ticket({ asset_id: "a-1", asset: laptop });
    const fixture = await open(
      agent(["tickets:manage", "tickets:close", "assets:read"], {
        asset_integration: true,
        movement_link: true,
      }),
      t,
    );
    const el: HTMLElement = fixture.nativeElement;
    const link = entry(el, "Asset")?.querySelector("a");
    expect(link?.getAttribute("href")).toBe("/assets/a-1");
    expect(link?.textContent?.trim()).toBe("Dell Latitude 5440 · AT-0042");
    // Who may link sees the choice only (no separate "Movement" entry repeating it).
    expect(entry(el, "Movement")).toBeFalsy();

    http.expectOne("/api/assets/a-1/movements").flush(movements);
    await settle(fixture);
    const select = labelled<HTMLSelectElement>(el, "Linked movement");
    if (!select) throw new Error("no “Linked movement” choice");
    expect(select.disabled).toBe(false);
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual([
      "Not linked",
      `${day("2026-12-05T09:00:00Z")}: Lab → Rita Reporter`,
      `${day("2026-12-01T09:00:00Z")}: HQ → Lab`,
    ]);
    expect(select.selectedOptions[0]?.textContent?.trim()).toBe("Not linked");

    select.value = "m-1";
    select.dispatchEvent(new Event("change"));
    await settle(fixture);
    const put = http.expectOne({ method: "PUT", url: "/api/tickets/id-1/movement" });
    expect(put.request.body).toEqual({ movement_id: "m-1" });
    expect(put.request.headers.get("x-csrf-token")).toBe("csrf");
    const linked = ticket({
      asset_id: "a-1",
      asset: laptop,
      movement_id: "m-1",
      movement: { id: "m-1", moved_at: "2026-12-01T09:00:00Z", from_location: "HQ", to_location: "Lab" },
    });
    put.flush(linked);
    await serve(fixture, linked);
    expect(labelled<HTMLSelectElement>(el, "Linked movement")?.value).toBe("m-1");
    expect(document.body.textContent).toContain("Movement linked");
  });

  it("reports a refused link and shows the ticket as the server has it", async () => {
    const t = ticket({ asset_id: "a-1", asset: laptop });
    const fixture = await open(
      agent(["tickets:manage", "assets:read"], { asset_integration: true, movement_link: true }),
      t,
    );
    http.expectOne("/api/assets/a-1/movements").flush(movements);
    await settle(fixture);
    const select = labelled<HTMLSelectElement>(fixture.nativeElement, "Linked movement");
    if (!select) throw new Error("no “Linked movement” choice");
    select.value = "m-2";
    select.dispatchEvent(new Event("change"));
    await settle(fixture);
    http.expectOne({ method: "PUT", url: "/api/tickets/id-1/movement" }).flush(
      {
        title: "Validation failed",
        status: 422,
        detail: "movement_id: is not a movement of this ticket's asset.",
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await serve(fixture, t);
    expect(document.body.textContent).toContain(
      "Could not link the movement: movement_id: is not a movement of this ticket's asset.",
    );
    expect(labelled<HTMLSelectElement>(fixture.nativeElement, "Linked movement")?.value).toBe("");
  });

  it("re-reads the session when the link is refused with 403 (movement_link turned off) and hides the choice", async () => {
    const flags = { asset_integration: true, movement_link: true };
    const t = ticket({ asset_id: "a-1", asset: laptop });
    const fixture = await open(agent(["tickets:manage", "assets:read"], flags), t);
    const el: HTMLElement = fixture.nativeElement;
    http.expectOne("/api/assets/a-1/movements").flush(movements);
    await settle(fixture);
    const select = labelled<HTMLSelectElement>(el, "Linked movement");
    if (!select) throw new Error("no “Linked movement” choice");
    select.value = "m-1";
    select.dispatchEvent(new Event("change"));
    await settle(fixture);
    http
      .expectOne({ method: "PUT", url: "/api/tickets/id-1/movement" })
      .flush(
        { title: "Forbidden", status: 403, detail: "The feature movement_link is not enabled." },
        { status: 403, statusText: "Forbidden" },
      );
    await settle(fixture);
    http
      .expectOne("/api/session")
      .flush(agent(["tickets:manage", "assets:read"], { ...flags, movement_link: false }));
    await serve(fixture, t);
    expect(document.body.textContent).toContain(
      "Could not link the movement: The feature movement_link is not enabled.",
    );
    expect(entry(el, "Movement")).toBeNull();
    expect(labelled(el, "Linked movement")).toBeNull();
    expect(entry(el, "Asset")?.querySelector("a")?.getAttribute("href")).toBe("/assets/a-1");
  });

  it("shows the asset without movements when movement_link is off, and without a link outside the assets area", async () => {
    const t = ticket({ asset_id: "a-1", asset: laptop });
    const fixture = await open(agent(["tickets:manage"], { asset_integration: true }), t);
    const el: HTMLElement = fixture.nativeElement;
    expect(entry(el, "Asset")?.textContent?.trim()).toBe("Dell Latitude 5440 · AT-0042");
    expect(entry(el, "Asset")?.querySelector("a")).toBeNull();
    expect(entry(el, "Movement")).toBeNull();
    expect(labelled(el, "Linked movement")).toBeNull();
    TestBed.resetTestingModule();

    // movement_link on and assets:read, but a closed ticket: the link and the movement show, no choice.
    const closed = await open(
      agent(["tickets:manage", "assets:read"], { asset_integration: true, movement_link: true }),
      ticket({ asset_id: "a-1", asset: laptop, status: "closed", closed_at: "2026-01-02T10:00:00Z" }),
    );
    const c: HTMLElement = closed.nativeElement;
    expect(entry(c, "Asset")?.querySelector("a")?.getAttribute("href")).toBe("/assets/a-1");
    expect(entry(c, "Movement")?.textContent?.trim()).toBe("Not linked");
    expect(labelled(c, "Linked movement")).toBeNull();
  });

  it("shows a deleted asset by the name and tag the ticket kept, marked (deleted), without a link", async () => {
    const t = ticket({ asset_id: null, asset: { ...laptop, deleted: true } });
    const fixture = await open(
      agent(["tickets:manage", "assets:read"], { asset_integration: true, movement_link: true }),
      t,
    );
    const el: HTMLElement = fixture.nativeElement;
    expect(entry(el, "Asset")?.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "Dell Latitude 5440 · AT-0042 (deleted)",
    );
    expect(entry(el, "Asset")?.querySelector("a")).toBeNull();
    expect(entry(el, "Movement")).toBeNull();
    expect(labelled(el, "Linked movement")).toBeNull();
  });
});
