import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, ReactiveFormsModule } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from "@angular/material/dialog";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { problemOf } from "@uslimato/web-data-access";
import { DeskTicketStore } from "./desk-ticket.store.ts";

/** "Still a problem?": a comment is required; sending it reopens the ticket. */
@Component({
  selector: "us-reject-resolution-dialog",
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
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Still a problem?</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>What is still not working?</mat-label>
          <textarea matInput [formControl]="comment" rows="4" cdkFocusInitial></textarea>
          <mat-hint>The service desk reads this and reopens your ticket.</mat-hint>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Back</button>
        <button mat-flat-button type="submit" [disabled]="sending()">{{ sending() ? "Reopening…" : "Reopen the ticket" }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `mat-form-field { width: 100%; margin-top: 4px; }`,
})
export class RejectResolutionDialogComponent {
  protected readonly ref = inject(MatDialogRef<RejectResolutionDialogComponent>);
  private readonly store = inject(DeskTicketStore);
  protected readonly comment = new FormControl("", { nonNullable: true });
  protected readonly sending = signal(false);
  protected readonly error = signal("");

  protected async submit(): Promise<void> {
    if (!this.comment.value.trim()) {
      this.fail("Tell the service desk what is still not working");
      return;
    }
    this.sending.set(true);
    try {
      await this.store.reject(this.comment.value);
      this.ref.close(true);
    } catch (err) {
      const p = problemOf(err);
      this.fail(p.fieldErrors.comment ?? `Could not reopen the ticket. ${p.detail ?? p.title}`);
    } finally {
      this.sending.set(false);
    }
  }

  private fail(message: string): void {
    this.error.set(message);
    this.comment.setErrors({ invalid: true });
    this.comment.markAsTouched();
  }
}
