// For specs only (the "New ticket" dialogs of the agent portal and the desk), through the secondary entry
// point `@uslimato/web-tickets/testing` (the desk's spec has no other way to it). It imports no jest API and
// only types of Angular's testing packages; the spec hands the testing pieces in (see `newTicketDialogSpec`).
import type { HttpTestingController, TestRequest } from "@angular/common/http/testing";
import { ApplicationRef, type Type } from "@angular/core";
import { MatDialog } from "@angular/material/dialog";
import type { Session } from "@uslimato/web-data-access";
import {
  settle as settleView,
  startTestBed,
  testSession,
  type WebTesting,
} from "@uslimato/web-data-access/testing";
import { testTicket } from "./test-ticket.ts";
import type { NewTicketDialogData, Person, Ticket } from "./types.ts";

/** A signed-in session of `user` in workspace "acme", every flag on but mail and the Public API. */
function session(user: Person, permissions: Session["permissions"]): Session {
  return testSession({ user, permissions, off: ["email_notifications", "email_templates", "public_api"] });
}

/** The asset an asset page's "Report issue" opens the dialog with. */
const asset: NewTicketDialogData = { asset: { id: "a-1", name: "Dell Latitude 5440", asset_tag: "AT-0042" } };

/** The server's answer to the create: "Screen flickers", TKT-000009, open, about `asset`. */
function created(reporter: Person, description: string): Ticket {
  return testTicket({
    id: "id-9",
    number: "TKT-000009",
    title: "Screen flickers",
    description,
    reporter,
    asset_id: "a-1",
    asset: { id: "a-1", name: "Dell Latitude 5440", tag: "AT-0042", deleted: false },
  });
}

/** The "New ticket" dialogs' specs' shared setup and fixtures (agent portal and desk). */
export function newTicketDialogSpec(testing: WebTesting) {
  const { TestBed } = testing;

  /** Lets pending promises run, then renders the application (the dialogs live outside any fixture). */
  async function settle(): Promise<void> {
    await settleView(TestBed.inject(ApplicationRef));
  }

  /** TestBed with the HTTP layer (testing backend), a router and dialogs without animations; signs in. */
  async function signIn(user: Session): Promise<HttpTestingController> {
    return startTestBed(testing, { session: user });
  }

  /** Answers the create request with 201 and `ticket`, and lets the dialog close (and navigate). */
  async function accept(request: TestRequest, ticket: Ticket): Promise<void> {
    request.flush(ticket, { status: 201, statusText: "Created" });
    await settle();
    await settle();
  }

  /** After each test: no request left unanswered, no dialog left open. */
  function tearDown(http: HttpTestingController): void {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  }

  /**
   * Opens `component` as a dialog (with `data` when given) and renders it. Answers the dialog's element,
   * what it closed with ("open" while open), and helpers that act as a user: a field by its label, typing
   * into it (or choosing in a select), the message under it, pressing a button by its name.
   */
  async function open(component: Type<unknown>, data?: NewTicketDialogData) {
    const ref = TestBed.inject(MatDialog).open(component, data ? { data } : {});
    let closedWith: unknown = "open";
    ref.afterClosed().subscribe((value) => {
      closedWith = value;
    });
    await settle();
    const dialog = document.querySelector("mat-dialog-container") as HTMLElement;
    const label = (text: string) => {
      const found = [...dialog.querySelectorAll("label")].find((l) => l.textContent?.trim() === text);
      if (!found) throw new Error(`No field labelled "${text}"`);
      return found;
    };
    const field = (text: string) =>
      dialog.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        `#${label(text).getAttribute("for")}`,
      );
    return {
      dialog,
      closed: () => closedWith,
      field,
      enter(text: string, value: string): void {
        const control = field(text);
        if (!control) throw new Error(`No control for "${text}"`);
        control.value = value;
        control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? "change" : "input"));
      },
      /** The text of the field's <mat-error> ("" when none shows). */
      errorUnder(text: string): string {
        const formField = label(text).closest("mat-form-field");
        return formField?.querySelector("mat-error")?.textContent?.trim() ?? "";
      },
      async press(name: string): Promise<void> {
        const button = [...dialog.querySelectorAll("button")].find((b) => b.textContent?.trim() === name);
        if (!button) throw new Error(`No button "${name}"`);
        button.click();
        await settle();
      },
    };
  }

  return { accept, asset, created, open, session, settle, signIn, tearDown };
}
