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
import { applyProblem, errorText, notBlank, problemOf, setServerError } from "@uslimato/web-data-access";
import { AssetsApi } from "./assets-api.ts";
import { PersonPickerComponent } from "./person-picker.component.ts";
import {
  ASSET_STATUS_LABEL,
  ASSET_STATUSES,
  type Asset,
  type AssetFields,
  type AssetStatus,
} from "./types.ts";

export interface AssetFormData {
  /** The asset to edit; absent: a new one. */
  asset?: Asset;
}

/** The server's field names → [control, label] (for its 422s). */
const FIELDS = {
  name: ["name", "Name"],
  asset_tag: ["assetTag", "Asset tag"],
  category: ["category", "Category"],
  location: ["location", "Location"],
  status: ["status", "Status"],
  assignee_id: ["assigneeId", "Assigned to"],
  notes: ["notes", "Notes"],
} as const;

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_./# ]*$/u;

/** "New asset" and "Edit asset": the asset's fields; an edit sends only what changed. */
@Component({
  selector: "us-asset-form-dialog",
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
    <h2 mat-dialog-title>{{ editing ? "Edit asset" : "New asset" }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        @if (failure()) {
          <div class="ui-form-error" role="alert"><strong>Could not save the asset.</strong> {{ failure() }}</div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" maxlength="200" required cdkFocusInitial />
          <mat-hint>What it is, e.g. “Dell Latitude 5440”</mat-hint>
          <mat-error>{{ error("name", { required: "Enter a name" }) }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Asset tag</mat-label>
            <input matInput formControlName="assetTag" maxlength="60" required autocomplete="off" />
            <mat-hint>The label on the asset; unique</mat-hint>
            <mat-error>{{ error("assetTag", { required: "Enter the asset tag", pattern: "Letters, digits, spaces and - _ . / #, starting with a letter or digit" }) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Category</mat-label>
            <input matInput formControlName="category" maxlength="100" required list="asset-categories" autocomplete="off" />
            <datalist id="asset-categories">
              @for (c of categories(); track c) {
                <option [value]="c"></option>
              }
            </datalist>
            <mat-error>{{ error("category", { required: "Enter a category, e.g. Laptop" }) }}</mat-error>
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Location</mat-label>
            <input matInput formControlName="location" maxlength="200" list="asset-locations" autocomplete="off" />
            @if (editing) {
              <mat-hint>A move is better recorded under “Movements”</mat-hint>
            }
            <datalist id="asset-locations">
              @for (l of locations(); track l) {
                <option [value]="l"></option>
              }
            </datalist>
            <mat-error>{{ error("location") }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Status</mat-label>
            <select matNativeControl formControlName="status">
              @for (s of statuses; track s) {
                <option [value]="s" [selected]="s === form.controls.status.value">{{ statusLabel[s] }}</option>
              }
            </select>
            <mat-error>{{ error("status") }}</mat-error>
          </mat-form-field>
        </div>
        <us-person-picker label="Assigned to" [control]="form.controls.assigneeId" [initial]="data.asset?.assignee ?? null" />
        @if (error("assigneeId"); as message) {
          <p class="ui-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Notes</mat-label>
          <textarea matInput formControlName="notes" rows="3" maxlength="5000"></textarea>
          <mat-hint>Serial number, warranty, anything worth knowing</mat-hint>
          <mat-error>{{ error("notes") }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? "Saving…" : editing ? "Save changes" : "Create asset" }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 12px; }
    .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; align-items: start; }
    @media (max-width: 599.98px) { .row { grid-template-columns: 1fr; } }
    p.ui-form-error { margin: 0; }
  `,
})
export class AssetFormDialogComponent {
  protected readonly ref = inject(MatDialogRef<AssetFormDialogComponent, Asset>);
  protected readonly data: AssetFormData = inject(MAT_DIALOG_DATA, { optional: true }) ?? {};
  private readonly api = inject(AssetsApi);
  protected readonly editing = !!this.data.asset;
  protected readonly statuses = ASSET_STATUSES;
  protected readonly statusLabel = ASSET_STATUS_LABEL;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly categories = signal<string[]>([]);
  protected readonly locations = signal<string[]>([]);

  protected readonly form = new FormGroup({
    name: new FormControl(this.data.asset?.name ?? "", { nonNullable: true, validators: [notBlank] }),
    assetTag: new FormControl(this.data.asset?.asset_tag ?? "", {
      nonNullable: true,
      validators: [notBlank, Validators.pattern(TAG_PATTERN)],
    }),
    category: new FormControl(this.data.asset?.category ?? "", { nonNullable: true, validators: [notBlank] }),
    location: new FormControl(this.data.asset?.location ?? "", { nonNullable: true }),
    status: new FormControl<AssetStatus>(this.data.asset?.status ?? "in_stock", { nonNullable: true }),
    assigneeId: new FormControl(this.data.asset?.assignee?.id ?? "", { nonNullable: true }),
    notes: new FormControl(this.data.asset?.notes ?? "", { nonNullable: true }),
  });

  constructor() {
    this.api.facets().then(
      (f) => {
        this.categories.set(f.categories);
        this.locations.set(f.locations);
      },
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
    const fields: AssetFields = {
      name: v.name.trim(),
      asset_tag: v.assetTag.trim(),
      category: v.category.trim(),
      location: v.location.trim(),
      status: v.status,
      assignee_id: v.assigneeId || null,
      notes: v.notes,
    };
    this.saving.set(true);
    this.failure.set(null);
    try {
      const asset = this.data.asset;
      this.ref.close(
        asset ? await this.api.update(asset.id, changed(asset, fields)) : await this.api.create(fields),
      );
    } catch (err) {
      const problem = problemOf(err);
      if (problem.status === 409 && problem.body?.asset_tag !== undefined) {
        setServerError(this.form.controls.assetTag, problem.detail ?? problem.title);
      } else {
        this.failure.set(applyProblem(this.form, err, FIELDS));
      }
    } finally {
      this.saving.set(false);
    }
  }
}

/** The fields that differ from the asset as loaded (an edit never overwrites what it did not touch). */
function changed(asset: Asset, fields: AssetFields): Partial<AssetFields> {
  const before: AssetFields = {
    name: asset.name,
    asset_tag: asset.asset_tag,
    category: asset.category,
    location: asset.location,
    status: asset.status,
    assignee_id: asset.assignee?.id ?? null,
    notes: asset.notes,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => before[k as keyof AssetFields] !== v),
  ) as Partial<AssetFields>;
}
