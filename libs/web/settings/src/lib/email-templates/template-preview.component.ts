import { ChangeDetectionStrategy, Component, type ElementRef, effect, input, viewChild } from "@angular/core";
import type { TemplateContent } from "../types.ts";

/**
 * A rendered email. The HTML part goes into an iframe with an empty `sandbox` (no scripts, no forms, a
 * unique origin) through `srcdoc`, never into this page's DOM: a template is tenant-written HTML. It is set
 * on the element rather than bound, because Angular's sanitizer would strip the email's own styles.
 */
@Component({
  selector: "us-template-preview",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="subject"><span class="label">Subject</span> {{ rendered()?.subject }}</p>
    <iframe #frame class="frame" sandbox="" title="HTML preview of the email" referrerpolicy="no-referrer"></iframe>
    <p class="label">Plain text</p>
    <!-- Focusable: it scrolls, and keyboard users must be able to scroll it too. -->
    <pre class="text" tabindex="0" aria-label="Plain-text preview">{{ rendered()?.text }}</pre>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
    .subject { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    .label { display: inline-block; margin: 0; font-size: 0.75rem; font-weight: 600; text-transform: uppercase;
      letter-spacing: 0.04em; color: var(--mat-sys-on-surface-variant); }
    .frame { width: 100%; height: 360px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px;
      background: #fff; box-sizing: border-box; }
    .text { margin: 0; padding: 12px; border-radius: 8px; background: var(--mat-sys-surface-container-low);
      white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8125rem; max-height: 240px; overflow: auto; }
  `,
})
export class TemplatePreviewComponent {
  readonly rendered = input<TemplateContent | null>(null);
  private readonly frame = viewChild.required<ElementRef<HTMLIFrameElement>>("frame");

  constructor() {
    effect(() => {
      this.frame().nativeElement.srcdoc = this.rendered()?.html ?? "";
    });
  }
}
