import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import { MatError, MatFormField, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { problemOf, type Session, SessionStore, type WorkspaceChoice } from "@uslimato/web-data-access";

function workspacesOf(err: unknown): WorkspaceChoice[] | null {
  const problem = problemOf(err);
  const tenants = problem.status === 409 ? problem.body?.tenants : undefined;
  return Array.isArray(tenants) ? (tenants as WorkspaceChoice[]) : null;
}

/** "Email", "Password", "Sign in" — and a workspace choice when the email belongs to several. */
@Component({
  selector: "us-sign-in-form",
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Sign in">
      @if (failure()) {
        <p class="ui-form-error" role="alert">{{ failure() }}</p>
      }
      @if (workspaces()) {
        <p class="notice" role="status">This email address belongs to several workspaces. Choose the one to sign in to.</p>
      }
      <mat-form-field appearance="outline">
        <mat-label>Email</mat-label>
        <input matInput formControlName="email" type="email" autocomplete="username" required />
        @if (form.controls.email.hasError("server")) {
          <mat-error>{{ form.controls.email.getError("server") }}</mat-error>
        } @else {
          <mat-error>Enter your email address</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Password</mat-label>
        <input matInput formControlName="password" type="password" autocomplete="current-password" required />
        <mat-error>Enter your password</mat-error>
      </mat-form-field>
      @if (workspaces(); as choices) {
        <mat-form-field appearance="outline">
          <mat-label>Workspace</mat-label>
          <select matNativeControl formControlName="tenant" required>
            <option value="" disabled>Choose…</option>
            @for (w of choices; track w.slug) {
              <option [value]="w.slug">{{ w.name }} ({{ w.slug }})</option>
            }
          </select>
          <mat-error>Choose a workspace</mat-error>
        </mat-form-field>
      }
      <button mat-flat-button type="submit" class="submit" [disabled]="pending()">
        {{ pending() ? "Signing in…" : "Sign in" }}
      </button>
    </form>
  `,
  styles: `
    form { display: flex; flex-direction: column; gap: 4px; }
    .submit { margin-top: 8px; height: 44px; }
    .notice { margin: 0 0 12px; padding: 10px 12px; border-radius: 8px; background: var(--ui-external-bg);
      color: var(--ui-external-ink); }
  `,
})
export class SignInFormComponent implements OnInit {
  private readonly store = inject(SessionStore);
  /** Pre-filled email (signing in again after the session ran out). */
  readonly email = input("");
  readonly signedIn = output<Session>();

  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly workspaces = signal<WorkspaceChoice[] | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
    tenant: new FormControl("", { nonNullable: true }),
  });

  constructor() {
    this.form.controls.email.valueChanges.subscribe(() => this.workspaces.set(null));
  }

  ngOnInit(): void {
    if (this.email()) this.form.controls.email.setValue(this.email());
  }

  protected async submit(): Promise<void> {
    if (this.workspaces() && !this.form.controls.tenant.value) {
      this.form.controls.tenant.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password, tenant } = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    try {
      const session = await this.store.signIn({
        email: email.trim(),
        password,
        ...(this.workspaces() ? { tenant } : {}),
      });
      this.signedIn.emit(session);
    } catch (err) {
      const choices = workspacesOf(err);
      if (choices) {
        this.workspaces.set(choices);
        this.form.controls.tenant.setValue("");
      } else {
        const problem = problemOf(err);
        this.failure.set(problem.detail ?? problem.title);
      }
    } finally {
      this.pending.set(false);
    }
  }
}
