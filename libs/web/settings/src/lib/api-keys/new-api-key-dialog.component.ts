import { Clipboard } from "@angular/cdk/clipboard";
import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed, inject, signal } from "@angular/core";
import { toSignal } from "@angular/core/rxjs-interop";
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatCheckboxModule } from "@angular/material/checkbox";
import { MatDialogModule } from "@angular/material/dialog";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { MatSelectModule } from "@angular/material/select";
import { applyProblem, errorText, SessionStore } from "@uslimato/web-data-access";
import { SettingsApi } from "../settings-api.ts";
import type { CreatedApiKey, KeyOwner } from "../types.ts";
import { ownerSummary, SCOPES } from "./scopes.ts";

const atLeastOne = (c: AbstractControl): ValidationErrors | null =>
  (c.value as string[]).length > 0 ? null : { atLeastOne: true };

/**
 * A new Public API key: name, scopes, the user it acts as and an optional expiry. Once created the whole
 * key is shown in this dialog only; closing it forgets the key.
 */
@Component({
  selector: "us-new-api-key-dialog",
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ created() ? "Your new API key" : "New API key" }}</h2>
    @if (created(); as key) {
      <mat-dialog-content class="fields">
        <div class="warning" role="note">
          <p class="strong">Copy the key now</p>
          <p>This is the only time it is shown. Store it in your integration's secret store; if it is lost, revoke it and create a new one.</p>
        </div>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>API key</mat-label>
          <input matInput class="mono" readonly [value]="key.secret" (focus)="$any($event.target).select()" />
        </mat-form-field>
        <p class="small">
          Send it as <code>Authorization: Bearer {{ key.hint }}</code>. The reference is at
          <a href="/public/v1/docs" target="_blank" rel="noreferrer">/public/v1/docs</a>.
        </p>
        @if (key.notes.length > 0) {
          <ul class="notes">
            @for (note of key.notes; track note) {
              <li>{{ note }}</li>
            }
          </ul>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton="outlined" type="button" (click)="copy(key.secret)">{{ copied() ? "Copied" : "Copy key" }}</button>
        <button matButton="filled" type="button" mat-dialog-close>Done</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="create()" novalidate>
        <mat-dialog-content class="fields">
          @if (failure()) {
            <p class="failure" role="alert">{{ failure() }}</p>
          }
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required maxlength="100" autocomplete="off" cdkFocusInitial />
            <mat-hint>Say what uses it, e.g. “Monitoring”.</mat-hint>
            <mat-error>{{ error("name") }}</mat-error>
          </mat-form-field>
          <fieldset class="scopes" [attr.aria-describedby]="scopesError() ? 'api-key-scopes-error' : null">
            <legend class="legend">Scopes</legend>
            @for (s of scopes; track s.value) {
              <mat-checkbox [checked]="hasScope(s.value)" (change)="toggleScope(s.value, $event.checked)">
                <span class="mono">{{ s.value }}</span>
                <span class="muted small block">{{ s.description }}</span>
              </mat-checkbox>
            }
            @if (scopesError()) {
              <p id="api-key-scopes-error" class="failure small" role="alert">{{ scopesError() }}</p>
            }
          </fieldset>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Acts as</mat-label>
            <mat-select formControlName="ownerId">
              @for (o of ownerOptions(); track o.id) {
                <mat-option [value]="o.id">{{ o.name }} ({{ o.email }})</mat-option>
              }
            </mat-select>
            <mat-hint>{{ ownerHint() }}</mat-hint>
            <mat-error>{{ error("ownerId") }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Expires</mat-label>
            <input matInput type="date" formControlName="expires" />
            <mat-hint>Optional. The key stops working on this date (UTC).</mat-hint>
            <mat-error>{{ error("expires") }}</mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button matButton type="button" mat-dialog-close>Cancel</button>
          <button matButton="filled" type="submit" [disabled]="pending()">Create key</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 16px; }
    .scopes { border: 0; margin: 0 0 8px; padding: 0; display: flex; flex-direction: column; gap: 2px; }
    .legend { font-weight: 600; font-size: 0.875rem; padding: 0; margin-bottom: 4px; }
    .warning { padding: 12px 16px; border-radius: 12px; background: #fff4d6; color: #4a3800; }
    .warning p { margin: 0; }
    .strong { font-weight: 600; }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
    .small { font-size: 0.8125rem; }
    .block { display: block; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .notes { margin: 0; padding-left: 20px; font-size: 0.875rem; }
    .failure { margin: 0; color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class NewApiKeyDialogComponent {
  private readonly api = inject(SettingsApi);
  private readonly clipboard = inject(Clipboard);
  private readonly session = inject(SessionStore);
  protected readonly scopes = SCOPES;
  protected readonly owners = httpResource<KeyOwner[]>(() => "/api/api-keys/owners");
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly created = signal<CreatedApiKey | null>(null);
  protected readonly copied = signal(false);
  private readonly submitted = signal(false);

  protected readonly form = new FormGroup({
    name: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    scopes: new FormControl<string[]>(["tickets:read"], { nonNullable: true, validators: [atLeastOne] }),
    ownerId: new FormControl(this.session.session()?.user.id ?? "", { nonNullable: true }),
    expires: new FormControl("", { nonNullable: true }),
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly status = toSignal(this.form.statusChanges, { initialValue: this.form.status });

  protected readonly ownerOptions = computed<Pick<KeyOwner, "id" | "name" | "email">[]>(() => {
    if (this.owners.hasValue()) return this.owners.value();
    const me = this.session.session()?.user;
    return me ? [me] : [];
  });
  protected readonly ownerHint = computed(() => {
    const id = this.values().ownerId;
    const owner = this.owners.hasValue() ? this.owners.value().find((o) => o.id === id) : undefined;
    const base = "Never more than this user may do.";
    return owner ? `${base} ${ownerSummary(owner.name, owner.permissions)}` : base;
  });
  protected readonly scopesError = computed(() => {
    this.status();
    const control = this.form.controls.scopes;
    return this.submitted() || control.touched
      ? errorText(control, { atLeastOne: "Pick at least one scope" })
      : "";
  });

  protected hasScope(scope: string): boolean {
    return (this.values().scopes ?? []).includes(scope);
  }

  protected toggleScope(scope: string, checked: boolean): void {
    const control = this.form.controls.scopes;
    const rest = control.value.filter((s) => s !== scope);
    control.setValue(checked ? [...rest, scope] : rest);
    control.markAsTouched();
  }

  protected error(field: "name" | "ownerId" | "expires"): string {
    return errorText(this.form.controls[field], { required: "Enter a name" });
  }

  protected copy(secret: string): void {
    this.copied.set(this.clipboard.copy(secret));
  }

  protected async create(): Promise<void> {
    this.submitted.set(true);
    const { name, scopes, ownerId, expires } = this.form.getRawValue();
    if (!name.trim()) this.form.controls.name.setValue("");
    if (this.form.invalid) return;
    this.pending.set(true);
    this.failure.set(null);
    try {
      this.created.set(
        await this.api.createApiKey({
          name: name.trim(),
          scopes,
          ...(ownerId ? { owner_id: ownerId } : {}),
          ...(expires ? { expires_at: expires } : {}),
        }),
      );
    } catch (error) {
      this.failure.set(
        applyProblem(this.form, error, {
          name: ["name", "Name"],
          scopes: ["scopes", "Scopes"],
          owner_id: ["ownerId", "Acts as"],
          expires_at: ["expires", "Expires"],
        }),
      );
    } finally {
      this.pending.set(false);
    }
  }
}
