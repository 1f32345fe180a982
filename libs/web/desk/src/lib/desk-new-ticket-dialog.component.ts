import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core";
import { FormGroup, ReactiveFormsModule } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from "@angular/material/dialog";
import { Router } from "@angular/router";
import { applyProblem } from "@uslimato/web-data-access";
import {
  type NewTicketDialogData,
  TICKET_FIELDS,
  TicketAssetComponent,
  TicketFieldsComponent,
  ticketFieldControls,
  ticketFieldValues,
} from "@uslimato/web-tickets";
import { DeskApi } from "./desk-api.ts";

/**
 * "New ticket" in the desk: Title, Description and Type, all required. Opened with `NewTicketDialogData`
 * (an asset page's "Report issue") the ticket concerns that asset, and the dialog closes with the created
 * ticket and stays on the page; else it goes to the new ticket.
 */
@Component({
  selector: "us-desk-new-ticket-dialog",
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    ReactiveFormsModule,
    TicketAssetComponent,
    TicketFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New ticket</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (failure()) {
          <div class="ui-form-error" role="alert"><strong>Could not create the ticket.</strong> {{ failure() }}</div>
        }
        <us-ticket-asset [asset]="asset" />
        <us-ticket-fields [controls]="form.controls" [descriptionRequired]="true" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="creating()">{{ creating() ? "Creating…" : "Create ticket" }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 12px; }
  `,
})
export class DeskNewTicketDialogComponent {
  protected readonly ref = inject(MatDialogRef<DeskNewTicketDialogComponent>);
  private readonly api = inject(DeskApi);
  private readonly router = inject(Router);
  /** The asset the ticket concerns (read-only here), when opened from its page. */
  protected readonly asset =
    (inject<NewTicketDialogData | null>(MAT_DIALOG_DATA, { optional: true }) ?? null)?.asset ?? null;
  protected readonly creating = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly form = new FormGroup(ticketFieldControls({ descriptionRequired: true }));

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.creating.set(true);
    this.failure.set(null);
    try {
      const ticket = await this.api.create({
        ...ticketFieldValues(v),
        ...(this.asset ? { asset_id: this.asset.id } : {}),
      });
      this.ref.close(ticket);
      // From an asset page: that page stays and shows the ticket.
      if (!this.asset) {
        await this.router.navigate(["/desk/tickets", ticket.number], { state: { created: ticket.number } });
      }
    } catch (err) {
      this.failure.set(applyProblem(this.form, err, TICKET_FIELDS));
    } finally {
      this.creating.set(false);
    }
  }
}
