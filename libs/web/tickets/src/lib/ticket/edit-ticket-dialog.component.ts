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
import { MatError, MatFormField, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import type { Ticket, TicketPatch } from "../common/types.ts";
import { TicketStore } from "./ticket.store.ts";

/** Edit a ticket's title and description; only what changed is sent. */
@Component({
  selector: "us-edit-ticket-dialog",
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
    <h2 mat-dialog-title>Edit {{ ticket.number }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" maxlength="200" required cdkFocusInitial />
          <mat-error>Enter a title</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="8"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? "Saving…" : "Save" }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; gap: 12px; }`,
})
export class EditTicketDialogComponent {
  protected readonly ticket = inject<Ticket>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<EditTicketDialogComponent>);
  private readonly store = inject(TicketStore);
  protected readonly saving = signal(false);
  protected readonly form = new FormGroup({
    title: new FormControl(this.ticket.title, {
      nonNullable: true,
      validators: [Validators.required, (c) => (String(c.value).trim() ? null : { required: true })],
    }),
    description: new FormControl(this.ticket.description, { nonNullable: true }),
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { title, description } = this.form.getRawValue();
    const patch: TicketPatch = {
      ...(title.trim() !== this.ticket.title ? { title: title.trim() } : {}),
      ...(description !== this.ticket.description ? { description } : {}),
    };
    if (Object.keys(patch).length === 0) {
      this.ref.close(false);
      return;
    }
    this.saving.set(true);
    const done = await this.store.change(patch, {
      success: "Ticket updated",
      failure: "Could not save the ticket",
    });
    this.saving.set(false);
    this.ref.close(done);
  }
}
