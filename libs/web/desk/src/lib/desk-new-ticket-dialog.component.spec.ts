import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { ApplicationRef } from "@angular/core";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { MatDialog } from "@angular/material/dialog";
import { provideRouter, Router } from "@angular/router";
import { jest } from "@jest/globals";
import { provideApi, type Session, SessionStore } from "@uslimato/web-data-access";
import type { NewTicketDialogData, Ticket } from "@uslimato/web-tickets";
import { DeskNewTicketDialogComponent } from "./desk-new-ticket-dialog.component.ts";

const session: Session = {
  user: { id: "rita", name: "Rita Reporter", email: "rita@x.test" },
  tenant: { id: "t", slug: "acme", name: "Acme" },
  permissions: ["tickets:create", "assets:read"],
  features: {
    agent_portal: true,
    end_user_portal: true,
    asset_integration: true,
    email_notifications: false,
    email_templates: false,
    public_api: false,
    movement_link: true,
  },
  itsmLicensed: true,
  csrfToken: "csrf",
};
const created: Ticket = {
  id: "id-9",
  number: "TKT-000009",
  type: "incident",
  status: "open",
  priority: "medium",
  title: "Screen flickers",
  description: "Since this morning.",
  reporter: session.user,
  assignee: null,
  asset_id: "a-1",
  movement_id: null,
  asset: { id: "a-1", name: "Dell Latitude 5440", tag: "AT-0042", deleted: false },
  movement: null,
  cancel_reason: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
  resolved_at: null,
  closed_at: null,
};
const asset: NewTicketDialogData = { asset: { id: "a-1", name: "Dell Latitude 5440", asset_tag: "AT-0042" } };

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  TestBed.inject(ApplicationRef).tick();
}

describe("DeskNewTicketDialogComponent", () => {
  let http: HttpTestingController;
  let navigate: jest.SpiedFunction<Router["navigate"]>;

  beforeEach(async () => {
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
    navigate = jest.spyOn(TestBed.inject(Router), "navigate").mockResolvedValue(true);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  /** Opens the dialog, fills Title, Description and Type, and presses "Create ticket". */
  async function fileTicket(data?: NewTicketDialogData) {
    const ref = TestBed.inject(MatDialog).open(DeskNewTicketDialogComponent, data ? { data } : {});
    let closedWith: unknown = "open";
    ref.afterClosed().subscribe((value) => {
      closedWith = value;
    });
    await settle();
    const dialog = document.querySelector("mat-dialog-container") as HTMLElement;
    expect(dialog.querySelector("h2")?.textContent).toBe("New ticket");
    const field = (label: string) => {
      const l = [...dialog.querySelectorAll("label")].find((x) => x.textContent?.trim() === label);
      return dialog.querySelector<HTMLInputElement | HTMLSelectElement>(`#${l?.getAttribute("for")}`);
    };
    const title = field("Title") as HTMLInputElement;
    title.value = "Screen flickers";
    title.dispatchEvent(new Event("input"));
    const description = field("Description") as HTMLInputElement;
    description.value = "Since this morning.";
    description.dispatchEvent(new Event("input"));
    const type = field("Type") as HTMLSelectElement;
    type.value = "incident";
    type.dispatchEvent(new Event("change"));
    [...dialog.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Create ticket")?.click();
    await settle();
    return { dialog, closed: () => closedWith };
  }

  it("from an asset page: shows the asset, sends asset_id, closes with the ticket and stays", async () => {
    const { dialog, closed } = await fileTicket(asset);
    expect(dialog.querySelector(".asset")?.textContent).toContain("Asset");
    expect(dialog.querySelector(".asset")?.textContent).toContain("Dell Latitude 5440 · AT-0042");
    const post = http.expectOne({ method: "POST", url: "/api/desk/tickets" });
    expect(post.request.body).toEqual({
      title: "Screen flickers",
      description: "Since this morning.",
      type: "incident",
      asset_id: "a-1",
    });
    post.flush(created, { status: 201, statusText: "Created" });
    await settle();
    await settle();
    expect(closed()).toEqual(created);
    expect(navigate).not.toHaveBeenCalled();
  });

  it("without an asset: no asset row, no asset_id, goes to the new ticket", async () => {
    const { dialog, closed } = await fileTicket();
    expect(dialog.querySelector(".asset")).toBeNull();
    const post = http.expectOne({ method: "POST", url: "/api/desk/tickets" });
    expect(post.request.body).not.toHaveProperty("asset_id");
    const plain = { ...created, asset_id: null, asset: null };
    post.flush(plain, { status: 201, statusText: "Created" });
    await settle();
    await settle();
    expect(closed()).toEqual(plain);
    expect(navigate).toHaveBeenCalledWith(["/desk/tickets", "TKT-000009"], {
      state: { created: "TKT-000009" },
    });
  });
});
