import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { provideRouter } from "@angular/router";
import { provideApi } from "@uslimato/web-data-access";
import type { Ticket } from "@uslimato/web-tickets";
import { DeskTicketPageComponent } from "./desk-ticket-page.component.ts";

const ticket = (patch: Partial<Ticket> = {}): Ticket => ({
  id: "id-7",
  number: "TKT-000007",
  type: "incident",
  status: "resolved",
  priority: "medium",
  title: "Printer offline",
  description: "<b>not bold</b>",
  reporter: { id: "rita", name: "Rita Reporter", email: "rita@x.test" },
  assignee: { id: "alice", name: "Alice Agent", email: "alice@x.test" },
  asset_id: null,
  cancel_reason: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
  resolved_at: "2026-01-01T11:00:00Z",
  closed_at: null,
  ...patch,
});

async function settle(fixture: ComponentFixture<unknown>) {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  fixture.detectChanges();
}

describe("DeskTicketPageComponent", () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DeskTicketPageComponent>;

  async function serve(t: Ticket, comments: unknown[] = []) {
    await settle(fixture);
    http.expectOne(`/api/desk/tickets/${t.number}`).flush(t);
    await settle(fixture);
    http.expectOne(`/api/desk/tickets/${t.number}/comments`).flush(comments);
    http.expectOne(`/api/desk/tickets/${t.number}/history`).flush([]);
    await settle(fixture);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideApi(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DeskTicketPageComponent);
    fixture.componentRef.setInput("number", "TKT-000007");
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const button = (name: string) =>
    [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

  it("asks whether a resolved ticket is solved; “Yes, close it” confirms and shows it closed", async () => {
    await serve(ticket());
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain("Is your issue solved?");
    expect(el.textContent).toContain("<b>not bold</b>");
    button("Yes, close it").click();
    await settle(fixture);
    http
      .expectOne({ method: "POST", url: "/api/desk/tickets/id-7/confirm" })
      .flush(ticket({ status: "closed" }));
    await serve(ticket({ status: "closed", closed_at: "2026-01-02T10:00:00Z" }));
    expect(el.textContent).toContain("This ticket is closed");
    expect(el.textContent).not.toContain("Is your issue solved?");
    expect(el.querySelector("textarea")).toBeNull();
  });

  it("“No, still a problem” needs a comment, then reopens the ticket with it", async () => {
    await serve(ticket());
    button("No, still a problem").click();
    await settle(fixture);
    button("Reopen the ticket").click();
    await settle(fixture);
    expect(document.body.textContent).toContain("Tell the service desk what is still not working");
    const textarea = document.querySelector<HTMLTextAreaElement>("mat-dialog-container textarea");
    if (!textarea) throw new Error("no comment field in the dialog");
    textarea.value = "It went offline again after an hour.";
    textarea.dispatchEvent(new Event("input"));
    button("Reopen the ticket").click();
    await settle(fixture);
    const reject = http.expectOne({ method: "POST", url: "/api/desk/tickets/id-7/reject" });
    expect(reject.request.body).toEqual({ comment: "It went offline again after an hour." });
    reject.flush(ticket({ status: "in_progress" }));
    await serve(ticket({ status: "in_progress" }));
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain("An agent is working on your ticket.");
    expect(document.querySelector("mat-dialog-container")).toBeNull();
  });

  it("shows “Not found” for a ticket that is not the reporter's", async () => {
    await settle(fixture);
    http
      .expectOne("/api/desk/tickets/TKT-000007")
      .flush({ title: "Not found", status: 404 }, { status: 404, statusText: "Not Found" });
    await settle(fixture);
    expect(fixture.nativeElement.querySelector("h1")?.textContent).toBe("Not found");
  });
});
