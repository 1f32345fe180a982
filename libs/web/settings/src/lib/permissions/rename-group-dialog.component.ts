import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from "@angular/material/dialog";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { SettingsApi } from "../settings-api.ts";
import type { Group } from "../types.ts";

@Component({
  selector: "us-rename-group-dialog",
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Rename {{ group.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
        <mat-form-field subscriptSizing="dynamic" class="full">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="100" cdkFocusInitial />
          <mat-error>{{ error("name") }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="pending()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.full { width: 100%; } .failure { color: var(--mat-sys-error); font-weight: 500; }`,
})
export class RenameGroupDialogComponent {
  protected readonly group = inject<Group>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<RenameGroupDialogComponent, Group>);
  private readonly api = inject(SettingsApi);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly form = new FormGroup({
    name: new FormControl(this.group.name, { nonNullable: true, validators: [Validators.required] }),
  });

  protected error(name: "name"): string {
    return errorText(this.form.controls[name], { required: "Enter a name" });
  }

  protected async save(): Promise<void> {
    const name = this.form.controls.name.value.trim();
    if (!name) this.form.controls.name.setValue("");
    if (this.form.invalid) return;
    this.pending.set(true);
    this.failure.set(null);
    try {
      this.ref.close(await this.api.updateGroup(this.group.id, { name }));
    } catch (error) {
      this.failure.set(applyProblem(this.form, error, { name: ["name", "Name"] }));
    } finally {
      this.pending.set(false);
    }
  }
}
