import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed, linkedSignal } from "@angular/core";
import { FormsModule } from "@angular/forms";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatSelectModule } from "@angular/material/select";
import { ErrorStateComponent, LoadingStateComponent, PageHeaderComponent } from "@uslimato/web-ui";
import type { EmailTemplate } from "../types.ts";
import { eventLabel } from "./event-labels.ts";
import { TemplateEditorComponent } from "./template-editor.component.ts";

/** Settings → ITSM → Email templates (only with the email_templates flag): one template per event. */
@Component({
  selector: "us-email-templates-page",
  imports: [
    FormsModule,
    MatFormFieldModule,
    MatSelectModule,
    PageHeaderComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    TemplateEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header
      title="Email templates"
      subtitle="The email sent on each ticket event, as HTML and plain text. Values put into the HTML are escaped. Without a custom template the built-in one is used."
    />
    @if (templates.hasValue()) {
      <div class="picker">
        <mat-form-field subscriptSizing="dynamic" class="event">
          <mat-label>Event</mat-label>
          <mat-select [ngModel]="event()" (ngModelChange)="event.set($event)">
            @for (t of templates.value(); track t.event) {
              <mat-option [value]="t.event">{{ label(t.event) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (selected(); as t) {
          <span class="badge" [class.custom]="t.custom">{{ t.custom ? "Custom template" : "Built-in template" }}</span>
        }
      </div>
      @if (selected(); as t) {
        <us-template-editor [template]="t" (changed)="templates.reload()" />
      }
    } @else {
      @if (templates.error()) {
        <ui-error-state title="Could not load the email templates" [error]="templates.error()" (retry)="templates.reload()" />
      } @else {
        <ui-loading-state label="Loading the email templates…" />
      }
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 20px; }
    .picker { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
    .event { width: min(360px, 100%); }
    .badge { font-size: 0.8125rem; font-weight: 600; padding: 4px 10px; border-radius: 999px;
      background: var(--mat-sys-surface-container-high); }
    .badge.custom { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
  `,
})
export class EmailTemplatesPageComponent {
  protected readonly templates = httpResource<EmailTemplate[]>(() => "/api/settings/itsm/email-templates");
  /** The chosen event; the first one until the user picks another (kept across reloads). */
  protected readonly event = linkedSignal<EmailTemplate[] | undefined, string | null>({
    source: () => (this.templates.hasValue() ? this.templates.value() : undefined),
    computation: (list, previous) =>
      previous?.value && list?.some((t) => t.event === previous.value)
        ? previous.value
        : (list?.[0]?.event ?? null),
  });
  protected readonly selected = computed(() =>
    this.templates.hasValue() ? (this.templates.value().find((t) => t.event === this.event()) ?? null) : null,
  );
  protected readonly label = eventLabel;
}
