import { TestBed } from "@angular/core/testing";
import { testSession } from "@uslimato/web-data-access/testing";
import { TicketDescriptionComponent } from "./ticket-description.component.ts";
import { assetPageLink } from "./ticket-page-parts.ts";

describe("the ticket pages' shared parts", () => {
  it("assetPageLink: the asset's page for users of the assets area, none for a deleted asset or without it", () => {
    const laptop = { id: "a-1", name: "Dell Latitude 5440", tag: "AT-0042", deleted: false };
    const reader = testSession({ permissions: ["assets:read", "tickets:create"] });
    const reporter = testSession({ permissions: ["tickets:create"] });
    expect(assetPageLink(laptop, reader)).toBe("/assets/a-1");
    expect(assetPageLink({ ...laptop, deleted: true }, reader)).toBeNull();
    expect(assetPageLink(laptop, reporter)).toBeNull();
    expect(assetPageLink(null, reader)).toBeNull();
    expect(assetPageLink(laptop, null)).toBeNull();
  });

  it("the Description card: a labelled section with the text (links made, markup as text), or “No description.”", () => {
    const fixture = TestBed.createComponent(TicketDescriptionComponent);
    fixture.componentRef.setInput("text", "See https://example.test/manual <b>now</b>");
    fixture.detectChanges();
    const section = fixture.nativeElement.querySelector("section") as HTMLElement;
    const heading = section.querySelector("h2") as HTMLElement;
    expect(heading.textContent).toBe("Description");
    expect(section.getAttribute("aria-labelledby")).toBe(heading.id);
    expect(section.querySelector("a")?.getAttribute("href")).toBe("https://example.test/manual");
    expect(section.querySelector("b")).toBeNull();
    expect(section.textContent).toContain("<b>now</b>");

    fixture.componentRef.setInput("text", "  \n ");
    fixture.detectChanges();
    expect(section.textContent).toContain("No description.");
  });
});
