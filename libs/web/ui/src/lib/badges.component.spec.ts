import { TestBed } from "@angular/core/testing";
import { PriorityBadgeComponent, StatusBadgeComponent } from "./badges.component.ts";

describe("badges", () => {
  it("show the whole word for the API's value", () => {
    const status = TestBed.createComponent(StatusBadgeComponent);
    status.componentRef.setInput("status", "in_progress");
    status.detectChanges();
    expect(status.nativeElement.textContent.trim()).toBe("In progress");
    const priority = TestBed.createComponent(PriorityBadgeComponent);
    priority.componentRef.setInput("priority", "medium");
    priority.detectChanges();
    expect(priority.nativeElement.textContent.trim()).toBe("Medium");
  });
});
