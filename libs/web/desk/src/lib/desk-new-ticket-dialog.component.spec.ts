import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { Router } from "@angular/router";
import { jest } from "@jest/globals";
import type { NewTicketDialogData } from "@uslimato/web-tickets";
import { newTicketDialogSpec } from "@uslimato/web-tickets/testing";
import { DeskNewTicketDialogComponent } from "./desk-new-ticket-dialog.component.ts";

const spec = newTicketDialogSpec({ TestBed, HttpTestingController, provideHttpClientTesting });

const rita = { id: "rita", name: "Rita Reporter", email: "rita@x.test" };
const session = spec.session(rita, ["tickets:create", "assets:read"]);
const created = spec.created(rita, "Since this morning.");

describe("DeskNewTicketDialogComponent", () => {
  let http: HttpTestingController;
  let navigate: jest.SpiedFunction<Router["navigate"]>;

  beforeEach(async () => {
    http = await spec.signIn(session);
    navigate = jest.spyOn(TestBed.inject(Router), "navigate").mockResolvedValue(true);
  });

  afterEach(() => spec.tearDown(http));

  async function openDialog(data?: NewTicketDialogData) {
    const d = await spec.open(DeskNewTicketDialogComponent, data);
    expect(d.dialog.querySelector("h2")?.textContent).toBe("New ticket");
    return d;
  }

  /** Opens the dialog, fills Title, Description and Type, and presses "Create ticket". */
  async function fileTicket(data?: NewTicketDialogData) {
    const d = await openDialog(data);
    d.enter("Title", "Screen flickers");
    d.enter("Description", "Since this morning.");
    d.enter("Type", "incident");
    await d.press("Create ticket");
    return d;
  }

  it("from an asset page: shows the asset, sends asset_id, closes with the ticket and stays", async () => {
    const { dialog, closed } = await fileTicket(spec.asset);
    expect(dialog.querySelector(".asset")?.textContent).toContain("Asset");
    expect(dialog.querySelector(".asset")?.textContent).toContain("Dell Latitude 5440 · AT-0042");
    const post = http.expectOne({ method: "POST", url: "/api/desk/tickets" });
    expect(post.request.body).toEqual({
      title: "Screen flickers",
      description: "Since this morning.",
      type: "incident",
      asset_id: "a-1",
    });
    await spec.accept(post, created);
    expect(closed()).toEqual(created);
    expect(navigate).not.toHaveBeenCalled();
  });

  it("without an asset: no asset row, no asset_id, goes to the new ticket", async () => {
    const { dialog, closed } = await fileTicket();
    expect(dialog.querySelector(".asset")).toBeNull();
    const post = http.expectOne({ method: "POST", url: "/api/desk/tickets" });
    expect(post.request.body).not.toHaveProperty("asset_id");
    const plain = { ...created, asset_id: null, asset: null };
    await spec.accept(post, plain);
    expect(closed()).toEqual(plain);
    expect(navigate).toHaveBeenCalledWith(["/desk/tickets", "TKT-000009"], {
      state: { created: "TKT-000009" },
    });
  });

  it("asks for Title, Description and Type before sending; Title has the first focus", async () => {
    const d = await openDialog();
    expect(d.field("Title")?.hasAttribute("cdkFocusInitial")).toBe(true);
    expect(d.field("Description")?.required).toBe(true);
    await d.press("Create ticket");
    expect(d.errorUnder("Title")).toBe("Enter a title");
    expect(d.errorUnder("Description")).toBe("Describe the issue or request");
    expect(d.errorUnder("Type")).toBe("Choose a type");
    d.enter("Title", "Screen flickers");
    d.enter("Description", "  \n ");
    d.enter("Type", "incident");
    await d.press("Create ticket");
    expect(d.errorUnder("Description")).toBe("Describe the issue or request");
    http.expectNone({ method: "POST", url: "/api/desk/tickets" });
  });

  it("shows the server's field errors under their fields, and a refusal without fields above", async () => {
    const d = await fileTicket();
    http.expectOne({ method: "POST", url: "/api/desk/tickets" }).flush(
      {
        title: "Invalid request",
        detail: "description: must be at most 20,000 characters",
        errors: [{ field: "description", message: "must be at most 20,000 characters" }],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await spec.settle();
    expect(d.errorUnder("Description")).toBe("Description must be at most 20,000 characters");
    expect(d.dialog.querySelector("[role=alert]")).toBeNull();

    d.enter("Description", "Since this morning.");
    await d.press("Create ticket");
    http
      .expectOne({ method: "POST", url: "/api/desk/tickets" })
      .flush(
        { title: "Forbidden", detail: "This workspace does not use the desk portal." },
        { status: 403, statusText: "Forbidden" },
      );
    await spec.settle();
    expect(d.dialog.querySelector("[role=alert]")?.textContent).toBe(
      "Could not create the ticket. This workspace does not use the desk portal.",
    );
    expect(d.closed()).toBe("open");
    expect(navigate).not.toHaveBeenCalled();
  });
});
