import { ChangeDetectionStrategy, Component } from "@angular/core";

/** The product's mark and name. */
@Component({
  selector: "ui-brand",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="mark" aria-hidden="true">U</span><span class="name">Uslimato</span>`,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 8px; font-weight: 700; font-size: 1.0625rem;
      letter-spacing: -0.01em; color: var(--ui-brand-ink); }
    .mark { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 8px;
      background: linear-gradient(135deg, #3340b8, #1f8fb3); color: #fff; font-size: 0.9375rem; }
  `,
})
export class BrandComponent {}
