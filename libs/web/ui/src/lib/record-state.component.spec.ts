import { Component, signal } from "@angular/core";
import { TestBed } from "@angular/core/testing";
import { RecordStateComponent } from "./record-state.component.ts";

@Component({
  imports: [RecordStateComponent],
  template: `
    <ui-record-state what="ticket" [notFound]="notFound()" [error]="error()" (retry)="retries = retries + 1">
      <a href="/tickets">Back to the queue</a>
    </ui-record-state>
  `,
})
class HostComponent {
  readonly notFound = signal(false);
  readonly error = signal<unknown>(null);
  retries = 0;
}

describe("RecordStateComponent", () => {
  it("shows the spinner, then the error with “Try again”, or “Not found” with the way back", () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe("Loading the ticket…");
    expect(el.querySelector("a")).toBeNull();

    fixture.componentInstance.error.set({ problem: { title: "Internal error", detail: "Boom" } });
    fixture.detectChanges();
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("Could not load the ticket");
    expect(alert?.textContent).toContain("Boom");
    alert?.querySelector("button")?.click();
    expect(fixture.componentInstance.retries).toBe(1);

    fixture.componentInstance.notFound.set(true);
    fixture.detectChanges();
    expect(el.querySelector("h1")?.textContent).toBe("Not found");
    expect(el.textContent).toContain("This ticket does not exist, or you do not have access to it.");
    expect(el.querySelector("a")?.textContent).toBe("Back to the queue");
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });
});
