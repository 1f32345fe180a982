import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from "@angular/material/dialog";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { AssetsApi } from "./assets-api.ts";
import { PersonPickerComponent } from "./person-picker.component.ts";
import type { Asset, Movement } from "./types.ts";

export interface MovementDialogData {
  asset: Asset;
}

const FIELDS = {
  to_location: ["toLocation", "To location"],
  to_person_id: ["toPersonId", "To person"],
  moved_at: ["movedAt", "Moved on"],
  note: ["note", "Note"],
} as const;

/** The value of a datetime-local input for a date, in the browser's time zone. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "Record movement": where the asset went and/or to whom, when, and why. */
@Component({
  selector: "us-movement-dialog",
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    PersonPickerComponent,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Record movement</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <p class="from">
          Now: <strong>{{ data.asset.location || "no location" }}</strong>,
          {{ data.asset.assignee ? "with " + data.asset.assignee.name : "with nobody" }}.
        </p>
        @if (failure()) {
          <div class="ui-form-error" role="alert"><strong>Could not record the movement.</strong> {{ failure() }}</div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>To location</mat-label>
          <input matInput formControlName="toLocation" maxlength="200" list="movement-locations" autocomplete="off" cdkFocusInitial />
          <datalist id="movement-locations">
            @for (l of locations(); track l) {
              <option [value]="l"></option>
            }
          </datalist>
          <mat-error>{{ error("toLocation") }}</mat-error>
        </mat-form-field>
        <us-person-picker label="To person" [control]="form.controls.toPersonId" [initial]="data.asset.assignee" />
        @if (error("toPersonId"); as message) {
          <p class="ui-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Moved on</mat-label>
          <input matInput type="datetime-local" formControlName="movedAt" required [max]="now" />
          <mat-error>{{ error("movedAt", { required: "Enter when it moved" }) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Note</mat-label>
          <textarea matInput formControlName="note" rows="2" maxlength="2000"></textarea>
          <mat-hint>Why it moved, e.g. “Replacement for a broken screen”</mat-hint>
          <mat-error>{{ error("note") }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? "Saving…" : "Record movement" }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 12px; }
    .from { margin: 0; color: var(--ui-muted); }
    p.ui-form-error { margin: 0; }
  `,
})
export class MovementDialogComponent {
  protected readonly ref = inject(MatDialogRef<MovementDialogComponent, Movement>);
  protected readonly data: MovementDialogData = inject(MAT_DIALOG_DATA);
  private readonly api = inject(AssetsApi);
  protected readonly now = localDateTime(new Date());
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly locations = signal<string[]>([]);
  protected readonly form = new FormGroup({
    toLocation: new FormControl(this.data.asset.location, { nonNullable: true }),
    toPersonId: new FormControl(this.data.asset.assignee?.id ?? "", { nonNullable: true }),
    movedAt: new FormControl(this.now, { nonNullable: true, validators: [Validators.required] }),
    note: new FormControl("", { nonNullable: true }),
  });

  constructor() {
    this.api.facets().then(
      (f) => this.locations.set(f.locations),
      () => undefined, // suggestions only
    );
  }

  protected error(control: keyof typeof this.form.controls, messages: Record<string, string> = {}): string {
    return errorText(this.form.controls[control], messages);
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const movedAt = new Date(v.movedAt);
    this.saving.set(true);
    this.failure.set(null);
    try {
      const movement = await this.api.recordMovement(this.data.asset.id, {
        to_location: v.toLocation.trim(),
        to_person_id: v.toPersonId || null,
        ...(Number.isNaN(movedAt.getTime()) ? {} : { moved_at: movedAt.toISOString() }),
        note: v.note.trim(),
      });
      this.ref.close(movement);
    } catch (err) {
      this.failure.set(applyProblem(this.form, err, FIELDS));
    } finally {
      this.saving.set(false);
    }
  }
}
