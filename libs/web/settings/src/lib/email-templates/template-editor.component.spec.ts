import { provideHttpClient, withInterceptors } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { describe, expect, it } from "@jest/globals";
import { problemInterceptor } from "@uslimato/web-data-access";
import type { EmailTemplate } from "../types.ts";
import { TemplateEditorComponent } from "./template-editor.component.ts";

const TEMPLATE: EmailTemplate = {
  event: "ticket.created",
  subject: "[{{ticket_number}}] {{ticket_title}}",
  html: "<p>New ticket {{ticket_number}}</p>",
  text: "New ticket {{ticket_number}}",
  custom: false,
  placeholders: [
    "ticket_number",
    "ticket_title",
    "ticket_status",
    "assignee_name",
    "reporter_name",
    "comment_body",
  ],
};
const URL = "/api/settings/itsm/email-templates/ticket.created";

async function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([problemInterceptor])),
      provideHttpClientTesting(),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(TemplateEditorComponent);
  fixture.componentRef.setInput("template", TEMPLATE);
  fixture.detectChanges();
  await fixture.whenStable();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, el, settle };
}

describe("TemplateEditorComponent", () => {
  it("renders the server's preview in a sandboxed iframe, never in the page", async () => {
    const { http, el, settle } = await setup();
    const req = http.expectOne(`${URL}/preview`);
    expect(req.request.body).toEqual({ subject: TEMPLATE.subject, html: TEMPLATE.html, text: TEMPLATE.text });
    req.flush({
      subject: "[TKT-000042] Printer <b>jam</b>",
      html: "<p>New ticket TKT-000042</p><script>parent.hacked = true</script>",
      text: "New ticket TKT-000042",
    });
    await settle();
    const frame = el.querySelector("iframe") as HTMLIFrameElement;
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(frame.srcdoc).toContain("<p>New ticket TKT-000042</p>");
    expect(el.querySelector("script")).toBeNull();
    expect(el.querySelector(".subject")?.textContent).toContain("[TKT-000042] Printer <b>jam</b>");
    expect(el.querySelector("pre")?.textContent).toBe("New ticket TKT-000042");
  });

  it("shows an unknown placeholder refused on save under the field it is in", async () => {
    const { http, el, settle, fixture } = await setup();
    http.expectOne(`${URL}/preview`).flush({ subject: "s", html: "h", text: "t" });
    const html = el.querySelector("textarea[formcontrolname=html]") as HTMLTextAreaElement;
    html.value = "<p>{{ticket_colour}}</p>";
    html.dispatchEvent(new Event("input"));
    (el.querySelector("form") as HTMLFormElement).dispatchEvent(new Event("submit"));
    fixture.detectChanges();
    const save = http.expectOne((r) => r.url === URL && r.method === "PUT");
    expect(save.request.body).toEqual({
      subject: TEMPLATE.subject,
      html: "<p>{{ticket_colour}}</p>",
      text: TEMPLATE.text,
    });
    save.flush(
      {
        title: "The request is not valid",
        status: 422,
        detail:
          "The ticket.created template is not valid: html uses the unknown placeholder {{ticket_colour}}",
        errors: [
          {
            field: "html",
            message: "uses the unknown placeholder {{ticket_colour}}; allowed are {{ticket_number}}",
          },
        ],
      },
      { status: 422, statusText: "Unprocessable Entity" },
    );
    await settle();
    const errors = [...el.querySelectorAll("mat-error")].map((e) => e.textContent?.trim());
    expect(errors).toEqual([
      "HTML uses the unknown placeholder {{ticket_colour}}; allowed are {{ticket_number}}",
    ]);
    expect(el.querySelector("form [role=alert]")).toBeNull();
  });

  it("a server failure of the preview is said in words, not left spinning", async () => {
    const { http, el, settle } = await setup();
    http
      .expectOne(`${URL}/preview`)
      .flush(
        { title: "Service unavailable", status: 503 },
        { status: 503, statusText: "Service Unavailable" },
      );
    await settle();
    expect(el.querySelector(".preview [role=alert]")?.textContent?.trim()).toBe("Service unavailable");
    expect(el.querySelector(".preview [role=status]")).toBeNull();
  });
});

describe("TemplateEditorComponent: test send", () => {
  it("sends the draft as it is and names the address it went to", async () => {
    const { http, el, settle, fixture } = await setup();
    http.expectOne(`${URL}/preview`).flush({ subject: "s", html: "h", text: "t" });
    const send = [...el.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Send test email");
    send?.click();
    fixture.detectChanges();
    const req = http.expectOne(`${URL}/test-send`);
    expect(req.request.body).toEqual({ subject: TEMPLATE.subject, html: TEMPLATE.html, text: TEMPLATE.text });
    req.flush({ to: "boss@acme.test", messageId: "m1" }, { status: 202, statusText: "Accepted" });
    await settle();
    expect(document.body.textContent).toContain("on its way to boss@acme.test");
  });
});
