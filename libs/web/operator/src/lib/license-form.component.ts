import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { MatSlideToggleModule } from "@angular/material/slide-toggle";
import { FEATURE_FLAGS, type FeatureFlag } from "@uslimato/domain";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { OperatorApi } from "./operator-api.ts";
import type { License, LicenseInput, Tenant } from "./types.ts";

export const FLAG_DESCRIPTIONS: Record<FeatureFlag, string> = {
  agent_portal: "Agent UI at /tickets",
  end_user_portal: "Desk portal for end users at /desk",
  asset_integration: "“Report issue” on asset pages and ticket links to assets",
  email_notifications: "Automated emails on ticket events",
  email_templates: "Custom email templates per event",
  public_api: "Ticket endpoints in the Public API",
  movement_link: "Link a ticket to an asset movement",
};

/** What a new license starts with (the CLI's defaults, product.md §4). */
const DEFAULTS = { maxAgents: 10, maxEmailsMonth: 10_000, apiRateLimit: 600 };

type Quota = "maxAgents" | "maxEmailsMonth" | "apiRateLimit";
const QUOTAS: { key: Quota; label: string; hint: string; min: number }[] = [
  { key: "maxAgents", label: "Max agents", hint: "Users holding tickets:manage", min: 0 },
  { key: "maxEmailsMonth", label: "Max emails per month", hint: "Ticket notifications", min: 0 },
  { key: "apiRateLimit", label: "API rate limit", hint: "Requests per minute per key", min: 1 },
];

/** The ITSM add-on license of one tenant: activate or deactivate, its seven flags and its quotas. */
@Component({
  selector: "us-license-form",
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save(true)" novalidate class="form">
      @if (failure()) {
        <p class="failure" role="alert">The license was not changed: {{ failure() }}</p>
      }
      <fieldset class="flags">
        <legend class="legend">Feature flags</legend>
        <p class="muted">Each flag takes effect only while the license is active.</p>
        @for (flag of flagNames; track flag) {
          <mat-slide-toggle [checked]="flags().has(flag)" (change)="toggle(flag, $event.checked)">
            <span class="flag">{{ flag }}</span>
            <span class="muted small block">{{ descriptions[flag] }}</span>
          </mat-slide-toggle>
        }
        @if (flagsError()) {
          <p class="failure small" role="alert">{{ flagsError() }}</p>
        }
      </fieldset>
      <div class="quotas">
        @for (q of quotas; track q.key) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ q.label }}</mat-label>
            <input matInput type="number" [name]="q.key" [formControlName]="q.key" [min]="q.min" step="1" required />
            <mat-hint>{{ q.hint }}</mat-hint>
            <mat-error>{{ error(q.key) }}</mat-error>
          </mat-form-field>
        }
      </div>
      <div class="buttons">
        @if (active()) {
          <button matButton type="button" class="danger" [disabled]="pending()" (click)="save(false)">Deactivate license</button>
        } @else {
          <span></span>
        }
        <button matButton="filled" type="submit" [disabled]="pending()">
          {{ active() ? "Save changes" : "Activate license" }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 16px; }
    .flags { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; min-width: 0; }
    .legend { font-weight: 600; padding: 0; }
    .flag { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.875rem; }
    .muted { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .small { font-size: 0.8125rem; }
    .block { display: block; }
    .quotas { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 16px 12px;
      align-items: start; }
    .buttons { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
    .danger { --mat-button-text-label-text-color: var(--mat-sys-error); }
    .failure { margin: 0; color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class LicenseFormComponent {
  private readonly api = inject(OperatorApi);
  readonly tenant = input.required<Tenant>();
  /** The license as saved, with what was done ("activated", "updated", "deactivated"). */
  readonly saved = output<{ license: License; what: string }>();

  protected readonly flagNames = FEATURE_FLAGS;
  protected readonly descriptions = FLAG_DESCRIPTIONS;
  protected readonly quotas = QUOTAS;
  protected readonly active = computed(() => this.tenant().license?.active === true);
  protected readonly flags = signal<ReadonlySet<string>>(new Set(FEATURE_FLAGS));
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly flagsError = signal<string | null>(null);

  protected readonly form = new FormGroup({
    maxAgents: quota(0),
    maxEmailsMonth: quota(0),
    apiRateLimit: quota(1),
    // Carries the server's message about the flag list.
    flags: new FormControl<string[]>([], { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const license = this.tenant().license;
      this.flags.set(new Set(license ? license.flags : FEATURE_FLAGS));
      this.form.reset(license ?? DEFAULTS);
    });
  }

  protected toggle(flag: string, on: boolean): void {
    const next = new Set(this.flags());
    if (on) next.add(flag);
    else next.delete(flag);
    this.flags.set(next);
  }

  protected error(key: Quota): string {
    const q = QUOTAS.find((x) => x.key === key);
    const whole = `${q?.label} must be a whole number of at least ${q?.min}`;
    return errorText(this.form.controls[key], { required: whole, min: whole, pattern: whole });
  }

  protected async save(active: boolean): Promise<void> {
    if (active && this.form.invalid) return;
    const v = this.form.getRawValue();
    const input: LicenseInput = active
      ? {
          active: true,
          flags: FEATURE_FLAGS.filter((f) => this.flags().has(f)),
          maxAgents: Number(v.maxAgents),
          maxEmailsMonth: Number(v.maxEmailsMonth),
          apiRateLimit: Number(v.apiRateLimit),
        }
      : { active: false };
    const what = active === this.active() ? "updated" : active ? "activated" : "deactivated";
    this.pending.set(true);
    this.failure.set(null);
    this.flagsError.set(null);
    try {
      this.saved.emit({ license: await this.api.setLicense(this.tenant().slug, input), what });
    } catch (error) {
      const rest = applyProblem(this.form, error, {
        maxAgents: ["maxAgents", "Max agents"],
        maxEmailsMonth: ["maxEmailsMonth", "Max emails per month"],
        apiRateLimit: ["apiRateLimit", "API rate limit"],
        flags: ["flags", "Feature flags"],
      });
      this.flagsError.set(errorText(this.form.controls.flags) || null);
      this.form.controls.flags.setErrors(null);
      this.failure.set(rest);
    } finally {
      this.pending.set(false);
    }
  }
}

function quota(min: number): FormControl<number | null> {
  return new FormControl<number | null>(null, {
    validators: [Validators.required, Validators.min(min), Validators.pattern(/^\d+$/)],
  });
}
