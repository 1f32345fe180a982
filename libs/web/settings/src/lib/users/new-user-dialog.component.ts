import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatDialogModule, MatDialogRef } from "@angular/material/dialog";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { SettingsApi } from "../settings-api.ts";
import type { User } from "../types.ts";

type Field = "email" | "name" | "password";

const MESSAGES: Record<Field, Record<string, string>> = {
  email: { required: "Enter an email address", email: "Enter an email address" },
  name: { required: "Enter a name" },
  password: { required: "Enter a password" },
};

@Component({
  selector: "us-new-user-dialog",
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New user</h2>
    <form [formGroup]="form" (ngSubmit)="create()" novalidate>
      <mat-dialog-content class="fields">
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" required autocomplete="off" cdkFocusInitial />
          <mat-error>{{ error("email") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" />
          <mat-error>{{ error("name") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" required autocomplete="new-password" />
          <mat-hint>The user can sign in with it right away.</mat-hint>
          <mat-error>{{ error("password") }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="pending()">Create user</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 16px; }
    .failure { color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class NewUserDialogComponent {
  private readonly ref = inject(MatDialogRef<NewUserDialogComponent, User>);
  private readonly api = inject(SettingsApi);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl("", { nonNullable: true, validators: [Validators.required, Validators.email] }),
    name: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
  });

  protected error(field: Field): string {
    return errorText(this.form.controls[field], MESSAGES[field]);
  }

  protected async create(): Promise<void> {
    const { email, name, password } = this.form.getRawValue();
    if (!name.trim()) this.form.controls.name.setValue("");
    if (this.form.invalid) return;
    this.pending.set(true);
    this.failure.set(null);
    try {
      this.ref.close(await this.api.createUser({ email: email.trim(), name: name.trim(), password }));
    } catch (error) {
      this.failure.set(
        applyProblem(this.form, error, {
          email: ["email", "Email"],
          name: ["name", "Name"],
          password: ["password", "Password"],
        }),
      );
    } finally {
      this.pending.set(false);
    }
  }
}
