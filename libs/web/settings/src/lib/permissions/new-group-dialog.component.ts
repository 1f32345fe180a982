import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from "@angular/material/dialog";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { SettingsApi } from "../settings-api.ts";
import type { Group, PermissionInfo } from "../types.ts";
import { PermissionChecklistComponent } from "./permission-checklist.component.ts";

export interface NewGroupData {
  catalogue: PermissionInfo[];
  itsmNote: string | null;
}

@Component({
  selector: "us-new-group-dialog",
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PermissionChecklistComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New group</h2>
    <form [formGroup]="form" (ngSubmit)="create()" novalidate>
      <mat-dialog-content>
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
        <mat-form-field subscriptSizing="dynamic" class="full">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="100" cdkFocusInitial />
          <mat-error>{{ error("name") }}</mat-error>
        </mat-form-field>
        <div role="group" aria-labelledby="new-group-permissions">
          <h3 id="new-group-permissions" class="sub">Permissions</h3>
          <us-permission-checklist
            [catalogue]="data.catalogue"
            [value]="permissions()"
            [itsmNote]="data.itsmNote"
            (valueChange)="permissions.set($event)"
          />
          @if (permissionsError()) {
            <p class="failure" role="alert">{{ permissionsError() }}</p>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="pending()">Create group</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full { width: 100%; margin-bottom: 16px; }
    .sub { margin: 0 0 8px; font: var(--mat-sys-title-small); font-weight: 600; }
    .failure { color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class NewGroupDialogComponent {
  protected readonly data = inject<NewGroupData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<NewGroupDialogComponent, Group>);
  private readonly api = inject(SettingsApi);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly permissions = signal<string[]>([]);
  protected readonly permissionsError = signal<string | null>(null);
  protected readonly form = new FormGroup({
    // The permissions control only carries the server's message for the list.
    name: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    permissions: new FormControl<string[]>([], { nonNullable: true }),
  });

  protected error(name: "name"): string {
    return errorText(this.form.controls[name], { required: "Enter a name" });
  }

  protected async create(): Promise<void> {
    const name = this.form.controls.name.value.trim();
    if (!name) this.form.controls.name.setValue("");
    if (this.form.invalid) return;
    this.pending.set(true);
    this.failure.set(null);
    this.permissionsError.set(null);
    try {
      this.ref.close(await this.api.createGroup({ name, permissions: this.permissions() }));
    } catch (error) {
      this.failure.set(
        applyProblem(this.form, error, {
          name: ["name", "Name"],
          permissions: ["permissions", "Permissions"],
        }),
      );
      this.permissionsError.set(errorText(this.form.controls.permissions) || null);
      this.form.controls.permissions.setErrors(null);
    } finally {
      this.pending.set(false);
    }
  }
}
