import { ChangeDetectionStrategy, Component, input } from "@angular/core";
import { MatProgressSpinner } from "@angular/material/progress-spinner";

/** A spinner with words, announced politely to screen readers. */
@Component({
  selector: "ui-loading-state",
  imports: [MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ui-state" role="status" aria-live="polite">
      <mat-progress-spinner mode="indeterminate" diameter="28" aria-hidden="true" />
      <span>{{ label() }}</span>
    </div>
  `,
  styles: `.ui-state { display: flex; align-items: center; justify-content: center; gap: 12px; padding: 32px 16px;
    color: var(--ui-muted); }`,
})
export class LoadingStateComponent {
  readonly label = input("Loading…");
}
