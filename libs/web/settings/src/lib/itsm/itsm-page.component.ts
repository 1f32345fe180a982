import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from "@angular/core";
import { toSignal } from "@angular/core/rxjs-interop";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { RouterLink } from "@angular/router";
import { formatNumber, PREFIX_RE } from "@uslimato/domain";
import { applyProblem, errorText, SessionStore } from "@uslimato/web-data-access";
import { ErrorStateComponent, LoadingStateComponent, Notify, PageHeaderComponent } from "@uslimato/web-ui";
import { SettingsApi } from "../settings-api.ts";
import type { ItsmSettings } from "../types.ts";

const DAYS_LABEL = "Auto-close resolved tickets after (days)";
const QUEUE_LABEL = "Queue email address";

/** Settings → ITSM: the ticket prefix and the auto-close days. The server checks both and explains. */
@Component({
  selector: "us-itsm-page",
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageHeaderComponent,
    ErrorStateComponent,
    LoadingStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header title="ITSM" subtitle="Service desk settings for this workspace." />
    @if (settings.hasValue()) {
      <form class="card" [formGroup]="form" (ngSubmit)="save()" novalidate>
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Ticket prefix</mat-label>
          <input matInput formControlName="ticketPrefix" required maxlength="20" autocomplete="off" (input)="upper()" />
          <mat-hint>{{ prefixHint() }}</mat-hint>
          <mat-error>{{ error("ticketPrefix") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ daysLabel }}</mat-label>
          <input matInput type="number" formControlName="autoCloseDays" required min="1" max="365" step="1" />
          <mat-hint>A resolved ticket that its reporter neither confirms nor rejects closes by itself.</mat-hint>
          <mat-error>{{ error("autoCloseDays") }}</mat-error>
        </mat-form-field>
        @if (hasQueueEmail()) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ queueLabel }}</mat-label>
            <input matInput type="email" formControlName="queueEmail" maxlength="254" autocomplete="off" />
            <mat-hint>Optional. New-ticket emails go to this address instead of to every agent.</mat-hint>
            <mat-error>{{ error("queueEmail") }}</mat-error>
          </mat-form-field>
        }
        <div class="buttons">
          <button matButton type="button" [disabled]="!dirty() || pending()" (click)="discard()">Discard changes</button>
          <button matButton="filled" type="submit" [disabled]="pending()">Save</button>
        </div>
      </form>
      @if (templatesOn()) {
        <p class="muted">
          The emails sent on ticket events are set in <a routerLink="/settings/itsm/email-templates">Email templates</a>.
        </p>
      }
      <p class="muted">Who works tickets is set in Settings → Permissions (the group “ITSM Agent”).</p>
    } @else {
      @if (settings.error()) {
        <ui-error-state title="Could not load the ITSM settings" [error]="settings.error()" (retry)="settings.reload()" />
      } @else {
        <ui-loading-state label="Loading the ITSM settings…" />
      }
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 20px; }
    .card { display: flex; flex-direction: column; gap: 20px; max-width: 640px; padding: 24px; border-radius: 16px;
      background: var(--mat-sys-surface); border: 1px solid var(--mat-sys-outline-variant); box-sizing: border-box; }
    @media (max-width: 600px) { .card { padding: 16px; } }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
    .failure { margin: 0; color: var(--mat-sys-error); font-weight: 500; }
    .muted { margin: 0; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ItsmPageComponent {
  private readonly api = inject(SettingsApi);
  private readonly notify = inject(Notify);
  private readonly session = inject(SessionStore);
  protected readonly daysLabel = DAYS_LABEL;
  protected readonly queueLabel = QUEUE_LABEL;
  protected readonly settings = httpResource<ItsmSettings>(() => "/api/settings/itsm");
  protected readonly templatesOn = computed(() => this.session.flagOn("email_templates"));
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  /** The values last read or saved: what "Discard changes" goes back to. */
  private readonly saved = signal<ItsmSettings | null>(null);

  protected readonly form = new FormGroup({
    ticketPrefix: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    autoCloseDays: new FormControl<number | null>(null, { validators: [Validators.required] }),
    queueEmail: new FormControl("", { nonNullable: true, validators: [Validators.email] }),
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.value });

  protected readonly prefixHint = computed(() => {
    const prefix = this.values().ticketPrefix ?? "";
    const example = PREFIX_RE.test(prefix) ? `, e.g. ${formatNumber(prefix, 42)}` : "";
    return `Starts every ticket number${example}. Changing it affects only new tickets; the counter continues.`;
  });
  /** The queue address is shown once the server knows it (its answer carries the field). */
  protected readonly hasQueueEmail = computed(() => this.saved()?.queueEmail !== undefined);
  protected readonly dirty = computed(() => {
    const saved = this.saved();
    const v = this.values();
    return (
      !!saved &&
      (v.ticketPrefix !== saved.ticketPrefix ||
        Number(v.autoCloseDays) !== saved.autoCloseDays ||
        (this.hasQueueEmail() && (v.queueEmail ?? "") !== (saved.queueEmail ?? "")))
    );
  });

  constructor() {
    effect(() => {
      if (this.settings.hasValue()) this.reset(this.settings.value());
    });
  }

  protected error(field: "ticketPrefix" | "autoCloseDays" | "queueEmail"): string {
    return errorText(this.form.controls[field], {
      required: field === "ticketPrefix" ? "Enter a ticket prefix" : "Enter a number of days",
      email: "Enter an email address, or leave it empty",
    });
  }

  protected upper(): void {
    const control = this.form.controls.ticketPrefix;
    if (control.value !== control.value.toUpperCase()) control.setValue(control.value.toUpperCase());
  }

  protected discard(): void {
    const saved = this.saved();
    if (saved) this.reset(saved);
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) return;
    const { ticketPrefix, autoCloseDays, queueEmail } = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    try {
      const saved = await this.api.saveItsm({
        ticketPrefix: ticketPrefix.trim(),
        autoCloseDays: Number(autoCloseDays),
        // Empty clears the address: every agent is mailed again.
        ...(this.hasQueueEmail() ? { queueEmail: queueEmail.trim() || null } : {}),
      });
      this.reset(saved);
      this.notify.done("ITSM settings saved. New tickets use them from now on.");
    } catch (error) {
      this.failure.set(
        applyProblem(this.form, error, {
          ticketPrefix: ["ticketPrefix", "Ticket prefix"],
          autoCloseDays: ["autoCloseDays", DAYS_LABEL],
          queueEmail: ["queueEmail", QUEUE_LABEL],
        }),
      );
    } finally {
      this.pending.set(false);
    }
  }

  private reset(values: ItsmSettings): void {
    this.saved.set(values);
    this.form.reset({
      ticketPrefix: values.ticketPrefix,
      autoCloseDays: values.autoCloseDays,
      queueEmail: values.queueEmail ?? "",
    });
  }
}
