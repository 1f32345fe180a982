import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormControl, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from "@angular/material/dialog";
import { MatError, MatFormField, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import type { Ticket } from "../common/types.ts";
import { TicketStore } from "./ticket.store.ts";

/** Cancelling needs a reason (the reporter reads it). */
@Component({
  selector: "us-cancel-ticket-dialog",
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Cancel {{ ticket.number }}?</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content>
        <p>A cancelled ticket is final: no further changes or comments. The reporter sees the reason.</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Reason</mat-label>
          <textarea matInput [formControl]="reason" rows="3" placeholder="e.g. Duplicate of TKT-000012" cdkFocusInitial></textarea>
          <mat-error>{{ serverError() ?? "Say why the ticket is cancelled" }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Keep the ticket</button>
        <button mat-flat-button type="submit" class="ui-danger" [disabled]="sending()">Cancel ticket</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `p { margin: 0 0 16px; }`,
})
export class CancelTicketDialogComponent {
  protected readonly ticket = inject<Ticket>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<CancelTicketDialogComponent>);
  private readonly store = inject(TicketStore);
  protected readonly sending = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly reason = new FormControl("", {
    nonNullable: true,
    validators: [Validators.required, (c) => (String(c.value).trim() ? null : { required: true })],
  });

  protected async submit(): Promise<void> {
    this.serverError.set(null);
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.sending.set(true);
    const done = await this.store.change(
      { status: "cancelled", reason: this.reason.value.trim() },
      { success: `${this.ticket.number} is now cancelled`, failure: "Could not cancel the ticket" },
      "cancelled",
    );
    this.sending.set(false);
    this.ref.close(done);
  }
}
