import { ChangeDetectionStrategy, Component, inject } from "@angular/core";
import { MatDialogContent, MatDialogRef, MatDialogTitle } from "@angular/material/dialog";
import { SessionStore } from "@uslimato/web-data-access";
import { SignInFormComponent } from "./sign-in-form.component.ts";

/**
 * The session ran out mid-work: sign in again over the page, so what was typed stays in its form; then
 * send it again.
 */
@Component({
  selector: "us-expired-session-dialog",
  imports: [MatDialogContent, MatDialogTitle, SignInFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Sign in again</h2>
    <mat-dialog-content>
      <p class="ui-muted">Your session has ended. Sign in to carry on: what you typed is still there — send it again afterwards.</p>
      <us-sign-in-form [email]="email" (signedIn)="ref.close(true)" />
    </mat-dialog-content>
  `,
  styles: `p { margin: 0 0 16px; }`,
})
export class ExpiredSessionDialogComponent {
  protected readonly ref = inject(MatDialogRef<ExpiredSessionDialogComponent>);
  protected readonly email = inject(SessionStore).session()?.user.email ?? "";
}
