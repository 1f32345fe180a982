import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from "@angular/forms";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from "@angular/material/dialog";
import { MatError, MatFormField, MatLabel } from "@angular/material/form-field";
import { MatIcon } from "@angular/material/icon";
import { MatInput } from "@angular/material/input";
import { Router } from "@angular/router";
import { problemOf } from "@uslimato/web-data-access";
import type { NewTicketDialogData } from "@uslimato/web-tickets";
import { TICKET_TYPES, type TicketType, TYPE_LABEL } from "@uslimato/web-ui";
import { DeskApi } from "./desk-api.ts";

const filled = (c: AbstractControl) => (String(c.value ?? "").trim() ? null : { required: true });

/**
 * "New ticket" in the desk: Title, Description and Type, all required. Opened with `NewTicketDialogData`
 * (an asset page's "Report issue") the ticket concerns that asset, and the dialog closes with the created
 * ticket and stays on the page; else it goes to the new ticket.
 */
@Component({
  selector: "us-desk-new-ticket-dialog",
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New ticket</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (failure()) {
          <div class="ui-form-error" role="alert"><strong>Could not create the ticket.</strong> {{ failure() }}</div>
        }
        @if (asset; as a) {
          <div class="asset">
            <mat-icon aria-hidden="true">devices</mat-icon>
            <div>
              <span class="asset__label">Asset</span>
              <span class="asset__name">{{ a.name }} · {{ a.asset_tag }}</span>
            </div>
          </div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" maxlength="200" required cdkFocusInitial />
          <mat-error>{{ server().title ?? "Enter a title" }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="5" required></textarea>
          <mat-error>{{ server().description ?? "Describe the issue or request" }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Type</mat-label>
          <select matNativeControl formControlName="type" required>
            <option value="">Choose…</option>
            @for (t of types; track t) {
              <option [value]="t">{{ typeLabel[t] }}</option>
            }
          </select>
          <mat-error>{{ server().type ?? "Choose a type" }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="creating()">{{ creating() ? "Creating…" : "Create ticket" }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 12px; }
    .asset { display: flex; align-items: center; gap: 12px; padding: 10px 14px; border: 1px solid var(--ui-border); border-radius: 8px; }
    .asset mat-icon { color: var(--ui-muted); flex: none; }
    .asset div { display: flex; flex-direction: column; min-width: 0; }
    .asset__label { font-size: 0.75rem; color: var(--ui-muted); }
    .asset__name { overflow-wrap: anywhere; }
  `,
})
export class DeskNewTicketDialogComponent {
  protected readonly ref = inject(MatDialogRef<DeskNewTicketDialogComponent>);
  private readonly api = inject(DeskApi);
  private readonly router = inject(Router);
  /** The asset the ticket concerns (read-only here), when opened from its page. */
  protected readonly asset =
    (inject<NewTicketDialogData | null>(MAT_DIALOG_DATA, { optional: true }) ?? null)?.asset ?? null;
  protected readonly types = TICKET_TYPES;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly creating = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly server = signal<Record<string, string>>({});
  protected readonly form = new FormGroup({
    title: new FormControl("", { nonNullable: true, validators: [Validators.required, filled] }),
    description: new FormControl("", { nonNullable: true, validators: [Validators.required, filled] }),
    type: new FormControl<"" | TicketType>("", { nonNullable: true, validators: [Validators.required] }),
  });

  protected async submit(): Promise<void> {
    this.server.set({});
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.creating.set(true);
    this.failure.set(null);
    try {
      const ticket = await this.api.create({
        title: v.title.trim(),
        description: v.description,
        type: v.type as TicketType,
        ...(this.asset ? { asset_id: this.asset.id } : {}),
      });
      this.ref.close(ticket);
      // From an asset page: that page stays and shows the ticket.
      if (!this.asset) {
        await this.router.navigate(["/desk/tickets", ticket.number], { state: { created: ticket.number } });
      }
    } catch (err) {
      const p = problemOf(err);
      this.server.set(p.fieldErrors);
      const fields = Object.keys(p.fieldErrors).filter((f) => f in this.form.controls);
      for (const f of fields) {
        const control = this.form.get(f);
        control?.setErrors({ server: true });
        control?.markAsTouched();
      }
      if (fields.length === 0) this.failure.set(p.detail ?? p.title);
    } finally {
      this.creating.set(false);
    }
  }
}
