import { ChangeDetectionStrategy, Component, input } from "@angular/core";

/** A page's title (the one h1), an optional line under it, and its actions projected on the right. */
@Component({
  selector: "ui-page-header",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="ui-page-header">
      <div class="ui-page-header__text">
        <h1>{{ title() }}</h1>
        @if (subtitle()) {
          <p class="ui-muted">{{ subtitle() }}</p>
        }
      </div>
      <div class="ui-page-header__actions"><ng-content /></div>
    </header>
  `,
  styles: `
    .ui-page-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
      gap: 12px 16px; margin-bottom: 20px; }
    .ui-page-header__text { min-width: 0; }
    h1 { margin: 0; font-size: 1.5rem; line-height: 1.25; font-weight: 650; letter-spacing: -0.01em;
      overflow-wrap: anywhere; }
    p { margin: 4px 0 0; }
    .ui-page-header__actions { display: flex; flex-wrap: wrap; gap: 8px; }
  `,
})
export class PageHeaderComponent {
  readonly title = input.required<string>();
  readonly subtitle = input<string | null>(null);
}
