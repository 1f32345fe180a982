import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatDialogModule, MatDialogRef } from "@angular/material/dialog";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { OperatorApi } from "./operator-api.ts";
import type { Tenant } from "./types.ts";

type Field = "slug" | "name" | "adminEmail" | "adminName" | "adminPassword";

const LABELS: Record<Field, string> = {
  slug: "Slug",
  name: "Name",
  adminEmail: "Administrator email",
  adminName: "Administrator name",
  adminPassword: "Administrator password",
};

const MESSAGES: Record<Field, Record<string, string>> = {
  slug: { required: "Enter a slug", pattern: "2–40 characters: lowercase letters, digits and dashes" },
  name: { required: "Enter the organisation's name" },
  adminEmail: { required: "Enter an email address", email: "Enter an email address" },
  adminName: {},
  adminPassword: { required: "Enter a password" },
};

@Component({
  selector: "us-new-tenant-dialog",
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New tenant</h2>
    <form [formGroup]="form" (ngSubmit)="create()" novalidate>
      <mat-dialog-content class="grid">
        @if (failure()) {
          <p class="failure wide" role="alert">{{ failure() }}</p>
        }
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Slug</mat-label>
          <input matInput formControlName="slug" required maxlength="40" autocomplete="off" cdkFocusInitial />
          <mat-hint>Lowercase letters, digits and dashes</mat-hint>
          <mat-error>{{ error("slug") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" />
          <mat-hint>The organisation</mat-hint>
          <mat-error>{{ error("name") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Administrator email</mat-label>
          <input matInput type="email" formControlName="adminEmail" required autocomplete="off" />
          <mat-hint>The tenant's first user</mat-hint>
          <mat-error>{{ error("adminEmail") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Administrator name</mat-label>
          <input matInput formControlName="adminName" maxlength="200" autocomplete="off" />
          <mat-hint>Optional</mat-hint>
          <mat-error>{{ error("adminName") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" class="wide">
          <mat-label>Administrator password</mat-label>
          <input matInput type="password" formControlName="adminPassword" required autocomplete="new-password" />
          <mat-hint>The first administrator signs in with it.</mat-hint>
          <mat-error>{{ error("adminPassword") }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="pending()">Create tenant</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; align-items: start; }
    .wide { grid-column: 1 / -1; }
    .failure { margin: 0; color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class NewTenantDialogComponent {
  private readonly ref = inject(MatDialogRef<NewTenantDialogComponent, Tenant>);
  private readonly api = inject(OperatorApi);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly form = new FormGroup({
    slug: new FormControl("", {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[a-z0-9][a-z0-9-]{1,39}$/)],
    }),
    name: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    adminEmail: new FormControl("", {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    adminName: new FormControl("", { nonNullable: true }),
    adminPassword: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
  });

  protected error(field: Field): string {
    return errorText(this.form.controls[field], MESSAGES[field]);
  }

  protected async create(): Promise<void> {
    const v = this.form.getRawValue();
    if (!v.name.trim()) this.form.controls.name.setValue("");
    if (this.form.invalid) return;
    this.pending.set(true);
    this.failure.set(null);
    try {
      this.ref.close(
        await this.api.createTenant({
          slug: v.slug,
          name: v.name.trim(),
          adminEmail: v.adminEmail.trim(),
          ...(v.adminName.trim() ? { adminName: v.adminName.trim() } : {}),
          adminPassword: v.adminPassword,
        }),
      );
    } catch (error) {
      const fields = Object.fromEntries(Object.entries(LABELS).map(([f, l]) => [f, [f, l] as const]));
      this.failure.set(applyProblem(this.form, error, fields));
    } finally {
      this.pending.set(false);
    }
  }
}
