import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { Router } from "@angular/router";
import { jest } from "@jest/globals";
import { newTicketDialogSpec } from "../common/new-ticket-dialog.testing.ts";
import type { NewTicketDialogData, Person } from "../common/types.ts";
import { NewTicketDialogComponent } from "./new-ticket-dialog.component.ts";

const spec = newTicketDialogSpec({ TestBed, HttpTestingController, provideHttpClientTesting });

const alice = { id: "alice", name: "Alice Agent", email: "alice@x.test" };
const session = spec.session(alice, ["tickets:manage", "tickets:create", "assets:read"]);
const created = spec.created(alice, "");

describe("NewTicketDialogComponent", () => {
  let http: HttpTestingController;
  let navigate: jest.SpiedFunction<Router["navigate"]>;

  beforeEach(async () => {
    http = await spec.signIn(session);
    navigate = jest.spyOn(TestBed.inject(Router), "navigate").mockResolvedValue(true);
  });

  afterEach(() => spec.tearDown(http));

  /** Opens the dialog and answers its first people search (for the Reporter choice) with `people`. */
  async function openDialog(data?: NewTicketDialogData, people: Person[] = []) {
    const d = await spec.open(NewTicketDialogComponent, data);
    http.expectOne("/api/tickets/people").flush(people);
    await spec.settle();
    expect(d.dialog.querySelector("h2")?.textContent).toBe("New ticket");
    return d;
  }

  /** Opens the dialog, fills Title and Type, and presses "Create ticket"; answers the closing value. */
  async function fileTicket(data?: NewTicketDialogData) {
    const d = await openDialog(data);
    d.enter("Title", "Screen flickers");
    expect(d.field("Description")).not.toBeNull();
    d.enter("Type", "incident");
    await d.press("Create ticket");
    return d;
  }

  it("from an asset page: shows the asset, sends asset_id, closes with the ticket and stays", async () => {
    const { dialog, closed } = await fileTicket(spec.asset);
    expect(dialog.querySelector(".asset")?.textContent).toContain("Asset");
    expect(dialog.querySelector(".asset")?.textContent).toContain("Dell Latitude 5440 · AT-0042");
    const post = http.expectOne({ method: "POST", url: "/api/tickets" });
    expect(post.request.body).toEqual({
      title: "Screen flickers",
      description: "",
      type: "incident",
      priority: "medium",
      asset_id: "a-1",
    });
    await spec.accept(post, created);
    expect(closed()).toEqual(created);
    expect(navigate).not.toHaveBeenCalled();
  });

  it("without an asset: no asset row, no asset_id, goes to the new ticket", async () => {
    const { dialog, closed } = await fileTicket();
    expect(dialog.querySelector(".asset")).toBeNull();
    const post = http.expectOne({ method: "POST", url: "/api/tickets" });
    expect(post.request.body).not.toHaveProperty("asset_id");
    const plain = { ...created, asset_id: null, asset: null };
    await spec.accept(post, plain);
    expect(closed()).toEqual(plain);
    expect(navigate).toHaveBeenCalledWith(["/tickets", "TKT-000009"], { state: { created: "TKT-000009" } });
  });

  it("files on behalf of the chosen reporter, with the chosen priority", async () => {
    const d = await openDialog(undefined, [{ id: "rita", name: "Rita Reporter", email: "rita@x.test" }]);
    d.enter("Title", "  Screen flickers ");
    d.enter("Type", "incident");
    d.enter("Priority", "high");
    d.enter("Reporter", "rita");
    await d.press("Create ticket");
    const post = http.expectOne({ method: "POST", url: "/api/tickets" });
    expect(post.request.body).toEqual({
      title: "Screen flickers",
      description: "",
      type: "incident",
      priority: "high",
      reporter_id: "rita",
    });
    await spec.accept(post, created);
    expect(d.closed()).toEqual(created);
  });

  it("asks for Title and Type before sending; Description is optional; Title has the first focus", async () => {
    const d = await openDialog();
    expect(d.field("Title")?.hasAttribute("cdkFocusInitial")).toBe(true);
    expect(d.field("Description")?.required).toBe(false);
    await d.press("Create ticket");
    expect(d.errorUnder("Title")).toBe("Enter a title");
    expect(d.errorUnder("Description")).toBe("");
    expect(d.errorUnder("Type")).toBe("Choose a type");
    d.enter("Title", "   ");
    await d.press("Create ticket");
    expect(d.errorUnder("Title")).toBe("Enter a title");
    http.expectNone({ method: "POST", url: "/api/tickets" });
  });

  it("shows the server's refusal of reporter_id under Reporter, and a refusal without fields above", async () => {
    const d = await fileTicket();
    http.expectOne({ method: "POST", url: "/api/tickets" }).flush(
      {
        title: "Invalid request",
        detail: "reporter_id: is not an active user of this tenant.",
        errors: [{ field: "reporter_id", message: "is not an active user of this tenant." }],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await spec.settle();
    expect(d.errorUnder("Reporter")).toBe("Reporter is not an active user of this tenant.");
    expect(d.dialog.querySelector("[role=alert]")).toBeNull();
    expect(d.closed()).toBe("open");

    d.enter("Reporter", "alice");
    await d.press("Create ticket");
    http.expectOne({ method: "POST", url: "/api/tickets" }).flush(
      {
        title: "Forbidden",
        detail: "Only agents (tickets:manage) can file a ticket on behalf of someone else.",
      },
      { status: 403, statusText: "Forbidden" },
    );
    await spec.settle();
    expect(d.dialog.querySelector("[role=alert]")?.textContent).toBe(
      "Could not create the ticket. Only agents (tickets:manage) can file a ticket on behalf of someone else.",
    );
    expect(d.closed()).toBe("open");
    expect(navigate).not.toHaveBeenCalled();
  });
});
