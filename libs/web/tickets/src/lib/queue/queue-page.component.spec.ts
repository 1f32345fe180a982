import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { Router } from "@angular/router";
import { settle, startTestBed } from "@uslimato/web-data-access/testing";
import { testTicket } from "../common/test-ticket.ts";
import type { Ticket } from "../common/types.ts";
import { QueuePageComponent } from "./queue-page.component.ts";

const ticket = (i: number): Ticket =>
  testTicket({
    id: `id-${i}`,
    number: `TKT-${String(i).padStart(6, "0")}`,
    type: "service_request",
    status: "in_progress",
    priority: i % 9 === 0 ? "critical" : "medium",
    title: `Batch request ${i}`,
  });
const counts = { open: 0, in_progress: 27, resolved: 0, closed: 0, cancelled: 0 };

describe("QueuePageComponent", () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<QueuePageComponent>;

  beforeEach(async () => {
    http = await startTestBed(
      { TestBed, HttpTestingController, provideHttpClientTesting },
      { routes: [{ path: "tickets", component: QueuePageComponent }] },
    );
    await TestBed.inject(Router).navigateByUrl("/tickets");
    fixture = TestBed.createComponent(QueuePageComponent);
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne("/api/tickets/agents").flush([]);
  });

  afterEach(() => http.verify());

  const rows = () => [...fixture.nativeElement.querySelectorAll("tbody tr")] as HTMLElement[];

  it("lists a page, loads more until the end, and shows the counts", async () => {
    http.expectOne("/api/tickets/counts").flush(counts);
    const first = http.expectOne((r) => r.url.startsWith("/api/tickets?"));
    expect(first.request.url).toBe("/api/tickets?status=open%2Cin_progress%2Cresolved&sort=newest&limit=25");
    first.flush({ data: Array.from({ length: 25 }, (_, i) => ticket(27 - i)), next_cursor: "c25" });
    await settle(fixture);
    expect(rows()).toHaveLength(25);
    expect(rows()[0]?.textContent).toContain("TKT-000027");
    expect(fixture.nativeElement.querySelector(".switch")?.textContent).toMatch(/Active\s*27/);

    const more = [...fixture.nativeElement.querySelectorAll("button")].find(
      (b: HTMLButtonElement) => b.textContent?.trim() === "Load more",
    ) as HTMLButtonElement;
    more.click();
    await settle(fixture);
    http
      .expectOne((r) => r.url.includes("cursor=c25"))
      .flush({ data: [ticket(2), ticket(1)], next_cursor: null });
    await settle(fixture);
    expect(rows()).toHaveLength(27);
    expect(fixture.nativeElement.textContent).toContain("27 tickets · end of the list");
  });

  it("says so when nothing matches, and a filter goes into the address and the query", async () => {
    http.expectOne("/api/tickets/counts").flush(counts);
    http.expectOne((r) => r.url.startsWith("/api/tickets?")).flush({ data: [], next_cursor: null });
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain("No tickets match these filters");

    const priority = [...fixture.nativeElement.querySelectorAll("select")].find((s: HTMLSelectElement) =>
      [...s.options].some((o) => o.value === "critical"),
    ) as HTMLSelectElement;
    priority.value = "critical";
    priority.dispatchEvent(new Event("change"));
    await fixture.whenStable().catch(() => undefined);
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe("/tickets?priority=critical");
    http.expectOne("/api/tickets/counts").flush(counts);
    http
      .expectOne((r) => r.url.startsWith("/api/tickets?") && r.url.includes("priority=critical"))
      .flush({ data: [ticket(9)], next_cursor: null });
    await settle(fixture);
    expect(rows()).toHaveLength(1);
    expect(fixture.nativeElement.textContent).toContain("1 ticket · end of the list");
  });
});
