import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { type ComponentFixture, TestBed } from "@angular/core/testing";
import { settle, startTestBed, testSession } from "@uslimato/web-data-access/testing";
import { AssetListPageComponent } from "./asset-list-page.component.ts";
import type { Asset } from "./types.ts";

const asset = (n: number): Asset => ({
  id: `a-${n}`,
  name: `Laptop ${String(n).padStart(3, "0")}`,
  asset_tag: `AT-${n}`,
  category: "Laptop",
  location: "HQ",
  status: "in_use",
  assignee: null,
  notes: "",
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
});
const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => asset(from + i));

describe("AssetListPageComponent", () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AssetListPageComponent>;

  async function open(permissions: string[]) {
    http = await startTestBed(
      { TestBed, HttpTestingController, provideHttpClientTesting },
      { session: testSession({ permissions }) },
    );
    fixture = TestBed.createComponent(AssetListPageComponent);
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne("/api/assets/facets").flush({ categories: ["Laptop", "Phone"], locations: ["HQ"] });
  }

  afterEach(() => http.verify());

  const button = (name: string) =>
    [...document.querySelectorAll("button")].find((b) => b.textContent?.includes(name)) as HTMLButtonElement;
  const names = () =>
    [...fixture.nativeElement.querySelectorAll("tbody a")].map((a) => (a as HTMLElement).textContent?.trim());

  it("pages forward with the server's cursor and back through the cursors already seen", async () => {
    await open(["assets:read"]);
    http.expectOne("/api/assets?limit=25").flush({ data: page(1, 25), next_cursor: "c1" });
    await settle(fixture);
    expect(names()).toHaveLength(25);
    expect(fixture.nativeElement.textContent).toContain("Page 1 · assets 1–25");
    expect(button("Previous").disabled).toBe(true);
    // A reader gets no "New asset".
    expect(button("New asset")).toBeUndefined();

    button("Next").click();
    await settle(fixture);
    http.expectOne("/api/assets?limit=25&cursor=c1").flush({ data: page(26, 3), next_cursor: null });
    await settle(fixture);
    expect(names()).toEqual(["Laptop 026", "Laptop 027", "Laptop 028"]);
    expect(fixture.nativeElement.textContent).toContain("Page 2 · assets 26–28");
    expect(button("Next").disabled).toBe(true);

    button("Previous").click();
    await settle(fixture);
    http.expectOne("/api/assets?limit=25").flush({ data: page(1, 25), next_cursor: "c1" });
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain("Page 1 · assets 1–25");
  });

  it("offers the tenant's categories and locations as filters, and New asset to managers", async () => {
    await open(["assets:read", "assets:manage"]);
    http.expectOne("/api/assets?limit=25").flush({ data: [], next_cursor: null });
    await settle(fixture);
    const options = (label: string) => {
      const field = [...document.querySelectorAll("mat-form-field")].find((f) =>
        f.querySelector("mat-label")?.textContent?.includes(label),
      );
      return [...(field?.querySelectorAll("option") ?? [])].map((o) => o.textContent?.trim());
    };
    expect(options("Category")).toEqual(["Any category", "Laptop", "Phone"]);
    expect(options("Location")).toEqual(["Any location", "HQ"]);
    expect(options("Status")).toEqual(["Any status", "In use", "In stock", "In repair", "Retired"]);
    expect(fixture.nativeElement.textContent).toContain("No assets yet");
    expect(button("New asset")).toBeDefined();
  });
});
