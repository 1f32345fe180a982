import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from "@angular/core";
import { takeUntilDestroyed } from "@angular/core/rxjs-interop";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { confirmAction, Notify } from "@uslimato/web-ui";
import { debounceTime } from "rxjs";
import { SettingsApi } from "../settings-api.ts";
import type { EmailTemplate, TemplateContent } from "../types.ts";
import { eventLabel } from "./event-labels.ts";
import { TemplatePreviewComponent } from "./template-preview.component.ts";

type Field = "subject" | "html" | "text";
const LABELS: Record<Field, string> = { subject: "Subject", html: "HTML", text: "Plain text" };
const FIELDS = Object.fromEntries(Object.entries(LABELS).map(([f, l]) => [f, [f, l] as const]));

/**
 * One event's template: subject, HTML and plain text side by side with a live preview rendered by the
 * server with sample data. Unknown placeholders are refused by the server, which names them; its
 * message is shown under the field (already while typing, from the preview).
 */
@Component({
  selector: "us-template-editor",
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TemplatePreviewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="editor" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <p class="placeholders">
        Placeholders:
        @for (p of template().placeholders; track p) {
          <code class="chip">{{ braces(p) }}</code>
        }
      </p>
      @if (failure()) {
        <p class="failure" role="alert">{{ failure() }}</p>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Subject</mat-label>
        <input matInput formControlName="subject" required />
        <mat-error>{{ error("subject") }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>HTML</mat-label>
        <textarea matInput class="code" formControlName="html" rows="12" required spellcheck="false"></textarea>
        <mat-error>{{ error("html") }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Plain text</mat-label>
        <textarea matInput class="code" formControlName="text" rows="8" required spellcheck="false"></textarea>
        <mat-error>{{ error("text") }}</mat-error>
      </mat-form-field>
      <div class="buttons">
        @if (template().custom) {
          <button matButton type="button" class="danger" [disabled]="pending()" (click)="reset()">
            Reset to built-in
          </button>
        }
        <button matButton="outlined" type="button" [disabled]="pending()" (click)="testSend()">Send test email</button>
        <button matButton="filled" type="submit" [disabled]="pending()">Save template</button>
      </div>
    </form>
    <section class="preview" aria-labelledby="template-preview-heading">
      <h2 id="template-preview-heading" class="sub">
        Preview <span class="muted">with sample data</span>
        @if (previewing()) {
          <span class="muted" role="status">· updating…</span>
        }
      </h2>
      @if (previewFailure()) {
        <p class="failure" role="alert">{{ previewFailure() }}</p>
      } @else if (stale()) {
        <p class="muted note">The draft has a mistake (see the field): this is the last version that rendered.</p>
      }
      <us-template-preview [rendered]="rendered()" />
    </section>
  `,
  styles: `
    :host { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; }
    @media (min-width: 1100px) { :host { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
    .editor { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
    .code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.8125rem; }
    .placeholders { margin: 0; font-size: 0.875rem; line-height: 2; }
    .chip { padding: 2px 6px; margin-left: 4px; border-radius: 6px; background: var(--mat-sys-surface-container-high);
      font-size: 0.8125rem; white-space: nowrap; }
    .buttons { display: flex; justify-content: flex-end; flex-wrap: wrap; gap: 8px; }
    .danger { --mat-button-text-label-text-color: var(--mat-sys-error); }
    .sub { margin: 0 0 8px; font: var(--mat-sys-title-medium); font-weight: 600; }
    .muted { color: var(--mat-sys-on-surface-variant); font-weight: 400; font-size: 0.875rem; }
    .note { margin: 0 0 8px; font-size: 0.8125rem; }
    .failure { margin: 0 0 8px; color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class TemplateEditorComponent {
  private readonly api = inject(SettingsApi);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);
  readonly template = input.required<EmailTemplate>();
  /** Saved or reset: the list must be re-read. */
  readonly changed = output<void>();

  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly rendered = signal<TemplateContent | null>(null);
  protected readonly previewing = signal(false);
  protected readonly previewFailure = signal<string | null>(null);
  /** The last preview request was refused for the draft's own mistakes: what is shown is older. */
  protected readonly stale = signal(false);
  /** Answers of older preview requests are dropped: only the newest draft's rendering is shown. */
  private previewSeq = 0;

  protected readonly form = new FormGroup({
    subject: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    html: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    text: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
  });
  constructor() {
    effect(() => {
      const t = this.template();
      // Without an event: the debounced preview below is for typing; this one runs now.
      this.form.reset({ subject: t.subject, html: t.html, text: t.text }, { emitEvent: false });
      untracked(() => void this.preview());
    });
    this.form.valueChanges
      .pipe(debounceTime(400), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => void this.preview());
  }

  protected braces(name: string): string {
    return `{{${name}}}`;
  }

  protected error(field: Field): string {
    return errorText(this.form.controls[field], { required: `Enter the ${LABELS[field].toLowerCase()}` });
  }

  private content(): TemplateContent {
    return this.form.getRawValue();
  }

  private async preview(): Promise<void> {
    const seq = ++this.previewSeq;
    this.previewing.set(true);
    try {
      const rendered = await this.api.previewTemplate(this.template().event, this.content());
      if (seq !== this.previewSeq) return;
      this.rendered.set(rendered);
      this.previewFailure.set(null);
      this.stale.set(false);
    } catch (error) {
      if (seq !== this.previewSeq) return;
      // The preview's field errors (an unknown placeholder) go under their fields while typing.
      const rest = applyProblem(this.form, error, FIELDS);
      this.previewFailure.set(rest);
      this.stale.set(rest === null);
    } finally {
      if (seq === this.previewSeq) this.previewing.set(false);
    }
  }

  protected async save(): Promise<void> {
    if (this.form.invalid && !this.hasOnlyServerErrors()) return;
    this.pending.set(true);
    this.failure.set(null);
    try {
      await this.api.saveTemplate(this.template().event, this.content());
      this.notify.done(`The “${eventLabel(this.template().event)}” template was saved.`);
      this.changed.emit();
    } catch (error) {
      this.failure.set(applyProblem(this.form, error, FIELDS));
    } finally {
      this.pending.set(false);
    }
  }

  protected async testSend(): Promise<void> {
    this.pending.set(true);
    try {
      const { to } = await this.api.testSendTemplate(this.template().event, this.content());
      this.notify.done(`A test email of this draft with sample data is on its way to ${to}.`);
    } catch (error) {
      // An unknown placeholder is refused here too: shown under its field like on save.
      const rest = applyProblem(this.form, error, FIELDS);
      if (rest) this.notify.failed("The test email was not sent", error);
    } finally {
      this.pending.set(false);
    }
  }

  protected async reset(): Promise<void> {
    const event = this.template().event;
    const confirmed = await confirmAction(this.dialog, {
      title: `Reset “${eventLabel(event)}”?`,
      message: "The custom template is deleted and the built-in one is used again. This cannot be undone.",
      confirmLabel: "Reset template",
      danger: true,
    });
    if (!confirmed) return;
    this.pending.set(true);
    try {
      await this.api.resetTemplate(event);
      this.notify.done(`“${eventLabel(event)}” uses the built-in template again.`);
      this.changed.emit();
    } catch (error) {
      this.notify.failed("The template was not reset", error);
    } finally {
      this.pending.set(false);
    }
  }

  /** A server error sits on a control until its value changes; saving again is still allowed. */
  private hasOnlyServerErrors(): boolean {
    return Object.values(this.form.controls).every(
      (c) => !c.errors || Object.keys(c.errors).every((k) => k === "server"),
    );
  }
}
