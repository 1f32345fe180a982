import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatInputModule } from "@angular/material/input";
import { Router } from "@angular/router";
import { applyProblem, errorText } from "@uslimato/web-data-access";
import { OperatorSessionStore } from "./operator-session.store.ts";

/** /operator/sign-in: the Uslimato team's own sign-in, separate from workspace users. */
@Component({
  selector: "us-operator-sign-in",
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      <form class="card" [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="operator-sign-in-title">
        <div class="brand"><span class="logo" aria-hidden="true">U</span> Uslimato <span class="badge">Operator console</span></div>
        <h1 id="operator-sign-in-title" class="title">Sign in</h1>
        <p class="intro">For the Uslimato team. Workspace users sign in on the regular sign-in page.</p>
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="username" required />
          <mat-error>{{ error("email") }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" required />
          <mat-error>{{ error("password") }}</mat-error>
        </mat-form-field>
        <button matButton="filled" type="submit" class="submit" [disabled]="pending()">Sign in</button>
      </form>
    </main>
  `,
  styles: `
    .page { min-height: 100dvh; display: grid; place-items: center; padding: 16px; box-sizing: border-box;
      background: var(--mat-sys-surface-container-low); }
    .card { width: 100%; max-width: 400px; display: flex; flex-direction: column; gap: 16px; padding: 32px 28px;
      border-radius: 20px; background: var(--mat-sys-surface); box-sizing: border-box;
      box-shadow: 0 1px 2px rgb(0 0 0 / 6%), 0 8px 24px rgb(0 0 0 / 6%); }
    .brand { display: flex; align-items: center; gap: 8px; font-weight: 700; flex-wrap: wrap; }
    .logo { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 8px;
      background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); }
    .badge { font-size: 0.75rem; font-weight: 600; padding: 2px 8px; border-radius: 999px;
      background: #ede4fb; color: #45237f; }
    .title { margin: 0; font: var(--mat-sys-headline-small); font-weight: 600; }
    .intro { margin: -8px 0 0; color: var(--mat-sys-on-surface-variant); }
    .failure { margin: 0; padding: 10px 12px; border-radius: 8px; background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container); font-weight: 500; }
    .submit { margin-top: 8px; height: 44px; }
  `,
})
export class OperatorSignInComponent {
  private readonly store = inject(OperatorSessionStore);
  private readonly router = inject(Router);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl("", { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl("", { nonNullable: true, validators: [Validators.required] }),
  });

  protected error(field: "email" | "password"): string {
    return errorText(this.form.controls[field], {
      required: field === "email" ? "Enter your email address" : "Enter your password",
      email: "Enter an email address",
    });
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) return;
    const { email, password } = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    try {
      await this.store.signIn(email.trim(), password);
      await this.router.navigateByUrl("/operator", { replaceUrl: true });
    } catch (error) {
      this.failure.set(
        applyProblem(this.form, error, { email: ["email", "Email"], password: ["password", "Password"] }),
      );
    } finally {
      this.pending.set(false);
    }
  }
}
