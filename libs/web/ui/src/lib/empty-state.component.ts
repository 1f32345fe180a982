import { ChangeDetectionStrategy, Component, input } from "@angular/core";
import { MatIcon } from "@angular/material/icon";

/** Nothing to show yet: what is missing, and (projected) what to do about it. */
@Component({
  selector: "ui-empty-state",
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ui-empty">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <p class="ui-empty__title">{{ title() }}</p>
      @if (message()) {
        <p class="ui-muted">{{ message() }}</p>
      }
      <ng-content />
    </div>
  `,
  styles: `
    .ui-empty { display: flex; flex-direction: column; align-items: center; gap: 6px; padding: 40px 16px;
      text-align: center; border: 1px dashed var(--ui-border); border-radius: 12px; background: var(--ui-surface); }
    .ui-empty mat-icon { color: var(--ui-muted); width: 32px; height: 32px; font-size: 32px; }
    .ui-empty__title { font-weight: 600; margin: 4px 0 0; }
    p { margin: 0; }
  `,
})
export class EmptyStateComponent {
  readonly title = input.required<string>();
  readonly message = input<string | null>(null);
  readonly icon = input("inbox");
}
