import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import type { FeatureFlag } from "@uslimato/domain";
import type { Session } from "@uslimato/web-data-access";
import { settle, startTestBed, testSession } from "@uslimato/web-data-access/testing";
import { AssetPageComponent } from "./asset-page.component.ts";
import type { Asset } from "./types.ts";

const session = (permissions: string[], off: FeatureFlag[] = []): Session =>
  testSession({ permissions, off });
const ALL = ["assets:read", "assets:manage", "tickets:create", "tickets:manage", "tickets:close"];
const asset: Asset = {
  id: "a-1",
  name: "Dell Latitude 5440",
  asset_tag: "AT-0042",
  category: "Laptop",
  location: "HQ",
  status: "in_use",
  assignee: { id: "ada", name: "Ada Admin", email: "ada@x.test" },
  notes: "Serial <b>7XK</b>",
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-02T10:00:00Z",
};

describe("AssetPageComponent", () => {
  let http: HttpTestingController;

  async function open(s: Session) {
    http = await startTestBed({ TestBed, HttpTestingController, provideHttpClientTesting }, { session: s });
    const fixture = TestBed.createComponent(AssetPageComponent);
    fixture.componentRef.setInput("id", asset.id);
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne("/api/assets/a-1").flush(asset);
    await settle(fixture);
    http.expectOne("/api/assets/a-1/movements").flush([]);
    return fixture;
  }

  afterEach(() => http.verify());

  const tabs = () => [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim());
  const button = (name: string) =>
    [...document.querySelectorAll("button")].find((b) => b.textContent?.includes(name)) as
      | HTMLButtonElement
      | undefined;

  it("shows the asset with real tabs, the Tickets tab and Report issue when asset_integration is on", async () => {
    const fixture = await open(session(ALL));
    http.expectOne("/api/assets/a-1/tickets").flush([]);
    await settle(fixture);
    expect(tabs()).toEqual(["Overview", "Movements", "Tickets"]);
    expect(document.querySelector('[role="tablist"]')).not.toBeNull();
    expect(fixture.nativeElement.querySelector("h1").textContent).toContain("Dell Latitude 5440");
    // Notes are text, never markup.
    expect(fixture.nativeElement.textContent).toContain("Serial <b>7XK</b>");
    expect(button("Report issue")).toBeDefined();
    expect(button("Delete")).toBeDefined();
  });

  it("asset_integration off: no Tickets tab, no Report issue, no call for the asset's tickets", async () => {
    const fixture = await open(session(ALL, ["asset_integration"]));
    await settle(fixture);
    expect(tabs()).toEqual(["Overview", "Movements"]);
    expect(button("Report issue")).toBeUndefined();
  });

  it("a reader (assets:read only, no tickets) sees no Report issue, Edit or Delete", async () => {
    const fixture = await open(session(["assets:read"]));
    http.expectOne("/api/assets/a-1/tickets").flush([]);
    await settle(fixture);
    expect(tabs()).toEqual(["Overview", "Movements", "Tickets"]);
    expect(button("Report issue")).toBeUndefined();
    expect(button("Edit")).toBeUndefined();
    expect(button("Delete")).toBeUndefined();
  });

  it("a refused deletion shows the server's sentence and links the blocking tickets", async () => {
    const fixture = await open(session(ALL));
    http.expectOne("/api/assets/a-1/tickets").flush([]);
    await settle(fixture);
    button("Delete")?.click();
    await settle(fixture);
    button("Delete asset")?.click();
    await settle(fixture);
    await new Promise((r) => setTimeout(r, 0));
    await settle(fixture);
    const detail =
      "The asset AT-0042 cannot be deleted: 1 ticket that is not closed or cancelled refers to it (TKT-000003). Close or cancel them first.";
    http
      .expectOne({ method: "DELETE", url: "/api/assets/a-1" })
      .flush(
        { type: "about:blank", title: "Conflict", status: 409, detail, tickets: ["TKT-000003"] },
        { status: 409, statusText: "Conflict", headers: { "content-type": "application/problem+json" } },
      );
    await settle(fixture);
    http.expectOne("/api/assets/a-1/tickets").flush([]);
    await settle(fixture);
    const alert = fixture.nativeElement.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain(detail);
    expect(alert.querySelector("a")?.getAttribute("href")).toBe("/tickets/TKT-000003");
  });
});
