import { ChangeDetectionStrategy, Component, computed, input, output } from "@angular/core";
import { MatButton } from "@angular/material/button";
import { MatIcon } from "@angular/material/icon";

function messageOf(error: unknown): string {
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const p = (error as { problem?: { detail?: string; title?: string } }).problem;
    if (p) return p.detail ?? p.title ?? "Something went wrong.";
    if (error instanceof Error) return error.message;
  }
  return "Something went wrong.";
}

/** A load failed: what the server said, and "Try again" (so no spinner is left forever). */
@Component({
  selector: "ui-error-state",
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ui-error" role="alert">
      <mat-icon aria-hidden="true">error</mat-icon>
      <div class="ui-error__text">
        <p class="ui-error__title">{{ title() }}</p>
        <p>{{ message() }}</p>
      </div>
      <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
    </div>
  `,
  styles: `
    .ui-error { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 16px;
      border: 1px solid var(--ui-danger-border); background: var(--ui-danger-bg); border-radius: 12px;
      color: var(--ui-danger-text); }
    .ui-error__text { flex: 1 1 200px; }
    .ui-error__title { font-weight: 600; }
    p { margin: 0; }
  `,
})
export class ErrorStateComponent {
  readonly error = input<unknown>(null);
  readonly title = input("Could not load this");
  readonly retry = output<void>();
  protected readonly message = computed(() => messageOf(this.error()));
}
