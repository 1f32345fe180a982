import { provideHttpClient } from "@angular/common/http";
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing";
import { TestBed } from "@angular/core/testing";
import { MATERIAL_ANIMATIONS } from "@angular/material/core";
import { describe, expect, it } from "@jest/globals";
import type { Group, PermissionInfo, User } from "../types.ts";
import { GroupCardComponent } from "./group-card.component.ts";

const CATALOGUE: PermissionInfo[] = [
  { name: "tickets:manage", description: "Work tickets", itsm: true },
  { name: "users:manage", description: "Manage users", itsm: false },
  { name: "tickets:create", description: "Report tickets", itsm: true },
];
const GROUP: Group = {
  id: "g1",
  name: "Helpers <b>",
  systemKey: null,
  permissions: ["tickets:create"],
  members: [{ id: "u1", name: "<script>alert(1)</script>", email: "a@x.test" }],
};
const USERS: User[] = [{ id: "u2", name: "Bob", email: "b@x.test", active: true, groups: [] }];

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(GroupCardComponent);
  fixture.componentRef.setInput("group", GROUP);
  fixture.componentRef.setInput("catalogue", CATALOGUE);
  fixture.componentRef.setInput("users", USERS);
  const changed: (Group | null)[] = [];
  fixture.componentInstance.changed.subscribe((g) => changed.push(g));
  fixture.detectChanges();
  return {
    fixture,
    el: fixture.nativeElement as HTMLElement,
    http: TestBed.inject(HttpTestingController),
    changed,
  };
}

const checkbox = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].find((i) =>
    i.closest("mat-checkbox")?.textContent?.includes(name),
  ) as HTMLInputElement;

describe("GroupCardComponent: the permission checklist", () => {
  it("lists platform permissions before the ITSM ones, in the domain's order, with names as text", () => {
    const { el } = setup();
    const legends = [...el.querySelectorAll("legend")].map((l) => l.textContent?.trim());
    expect(legends).toEqual(["Platform", "ITSM"]);
    const names = [...el.querySelectorAll("us-permission-checklist .name")].map((n) => n.textContent);
    expect(names).toEqual(["users:manage", "tickets:create", "tickets:manage"]);
    expect(el.querySelector("h2")?.textContent).toBe("Helpers <b>");
    expect(el.textContent).toContain("<script>alert(1)</script>");
    expect(el.querySelector("script")).toBeNull();
    expect(checkbox(el, "tickets:create").checked).toBe(true);
  });

  it("saves the whole new list when a permission is ticked and hands the saved group on", async () => {
    const { fixture, el, http, changed } = setup();
    checkbox(el, "tickets:manage").click();
    const req = http.expectOne("/api/groups/g1");
    expect(req.request.method).toBe("PATCH");
    expect(req.request.body).toEqual({ permissions: ["tickets:create", "tickets:manage"] });
    const saved = { ...GROUP, permissions: ["tickets:create", "tickets:manage"] };
    req.flush(saved);
    await fixture.whenStable();
    expect(changed).toEqual([saved]);
  });

  it("shows the server's agent-seat message word for word and falls back to the server's list", async () => {
    const { fixture, el, http, changed } = setup();
    checkbox(el, "tickets:manage").click();
    fixture.detectChanges();
    const message =
      "This change would make 3 agents (users with tickets:manage), but the ITSM license allows 2. Remove an agent first or ask for a larger license.";
    http.expectOne("/api/groups/g1").flush(
      {
        type: "https://uslimato.dev/problems/quota-exceeded",
        title: "Quota exceeded",
        status: 409,
        detail: message,
      },
      { status: 409, statusText: "Conflict" },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector("[role=alert]")?.textContent?.trim()).toBe(message);
    expect(checkbox(el, "tickets:manage").checked).toBe(false);
    expect(changed).toEqual([null]);
  });

  it("adding a member over the quota shows the server's message next to the members", async () => {
    const { fixture, el, http } = setup();
    const members = fixture.debugElement.query((d) => d.name === "us-group-members").componentInstance;
    members.candidate.set("u2");
    const adding = members.add();
    const req = http.expectOne("/api/groups/g1/members/u2");
    expect(req.request.method).toBe("PUT");
    req.flush(
      { title: "Quota exceeded", status: 409, detail: "Ticket permissions need the ITSM add-on license." },
      { status: 409, statusText: "Conflict" },
    );
    await adding;
    fixture.detectChanges();
    expect(el.querySelector("us-group-members [role=alert]")?.textContent?.trim()).toBe(
      "Ticket permissions need the ITSM add-on license.",
    );
  });
});
