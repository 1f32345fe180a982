import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { settle, signIn, startTestBed, testSession } from "@uslimato/web-data-access/testing";
import type { Ticket } from "@uslimato/web-tickets";
import { testTicket } from "@uslimato/web-tickets/testing";
import { DeskTicketPageComponent } from "./desk-ticket-page.component.ts";

const ticket = (patch: Partial<Ticket> = {}): Ticket =>
  testTicket({
    id: "id-7",
    number: "TKT-000007",
    status: "resolved",
    description: "<b>not bold</b>",
    assignee: { id: "alice", name: "Alice Agent", email: "alice@x.test" },
    resolved_at: "2026-01-01T11:00:00Z",
    ...patch,
  });

const testing = { TestBed, HttpTestingController, provideHttpClientTesting };

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

  beforeEach(async () => {
    http = await startTestBed(testing);
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

  const assetEntry = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll("dt")].find(
      (dt) => dt.textContent === "Asset",
    )?.nextElementSibling ?? null;

  it("shows the ticket's asset, linked to its page for users of the assets area", async () => {
    const laptop = { id: "a-1", name: "Dell Latitude 5440", tag: "AT-0042", deleted: false };
    const t = ticket({
      status: "in_progress",
      asset_id: "a-1",
      asset: laptop,
      movement_id: "m-1",
      movement: { id: "m-1", moved_at: "2026-12-01T09:00:00Z", from_location: "HQ", to_location: "Lab" },
    });
    await serve(t);
    // No session with assets:read: the name and tag only; never anything about movements.
    expect(assetEntry()?.textContent?.trim()).toBe("Dell Latitude 5440 · AT-0042");
    expect(assetEntry()?.querySelector("a")).toBeNull();
    expect(fixture.nativeElement.textContent).not.toContain("Movement");
    expect(fixture.nativeElement.textContent).not.toContain("HQ");

    await signIn(
      testing,
      testSession({
        user: { id: "rita", name: "Rita Reporter", email: "rita@x.test" },
        permissions: ["tickets:create", "assets:read"],
        off: ["email_notifications", "email_templates", "public_api"],
      }),
    );
    await settle(fixture);
    const link = assetEntry()?.querySelector("a");
    expect(link?.getAttribute("href")).toBe("/assets/a-1");
    expect(link?.textContent?.trim()).toBe("Dell Latitude 5440 · AT-0042");

    fixture.componentRef.setInput("number", "TKT-000008");
    const deleted = ticket({ number: "TKT-000008", asset: { ...laptop, deleted: true } });
    await serve(deleted);
    expect(assetEntry()?.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "Dell Latitude 5440 · AT-0042 (deleted)",
    );
    expect(assetEntry()?.querySelector("a")).toBeNull();
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
