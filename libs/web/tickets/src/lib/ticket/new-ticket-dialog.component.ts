import { ChangeDetectionStrategy, Component, computed, inject, signal } from "@angular/core";
import { FormControl, FormGroup, ReactiveFormsModule } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from "@angular/material/dialog";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { Router } from "@angular/router";
import { applyProblem, errorText, SessionStore } from "@uslimato/web-data-access";
import { PRIORITIES, PRIORITY_LABEL, type Priority } from "@uslimato/web-ui";
import { TicketAssetComponent } from "../common/ticket-asset.component.ts";
import {
  TICKET_FIELDS,
  TicketFieldsComponent,
  ticketFieldControls,
  ticketFieldValues,
} from "../common/ticket-fields.component.ts";
import { TicketsApi } from "../common/tickets-api.ts";
import type { NewTicketDialogData, Person } from "../common/types.ts";

/** The server's field names → [control, label] (its reporter_id is the Reporter choice). */
const FIELDS = {
  ...TICKET_FIELDS,
  priority: ["priority", "Priority"],
  reporter_id: ["reporterId", "Reporter"],
} as const;

/**
 * "New ticket" for agents: filed for themselves or on behalf of a reporter found by search. Opened with
 * `NewTicketDialogData` (an asset page's "Report issue") the ticket concerns that asset, and the dialog
 * closes with the created ticket and stays on the page; else it goes to the new ticket.
 */
@Component({
  selector: "us-new-ticket-dialog",
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
        <us-ticket-fields
          [controls]="form.controls"
          descriptionHint="What happened, what is affected, since when."
        >
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Priority</mat-label>
            <select matNativeControl formControlName="priority">
              @for (p of priorities; track p) {
                <option [value]="p">{{ priorityLabel[p] }}</option>
              }
            </select>
            <mat-error>{{ error("priority") }}</mat-error>
          </mat-form-field>
        </us-ticket-fields>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search people</mat-label>
          <input matInput type="search" [value]="search()" (input)="find($any($event.target).value)" />
          <mat-hint>Filing for someone else? Search by name or email, then choose them below.</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Reporter</mat-label>
          <select matNativeControl formControlName="reporterId">
            @for (p of reporterOptions(); track p.id) {
              <option [value]="p.id">{{ p.label }}</option>
            }
          </select>
          <mat-hint>{{ form.controls.reporterId.value === me?.id ? "You are the reporter." : "Filed on behalf of this person: they follow it in their desk portal." }}</mat-hint>
          <mat-error>{{ error("reporterId") }}</mat-error>
        </mat-form-field>
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
export class NewTicketDialogComponent {
  protected readonly ref = inject(MatDialogRef<NewTicketDialogComponent>);
  private readonly api = inject(TicketsApi);
  private readonly router = inject(Router);
  protected readonly me = inject(SessionStore).session()?.user;
  /** The asset the ticket concerns (read-only here), when opened from its page. */
  protected readonly asset =
    (inject<NewTicketDialogData | null>(MAT_DIALOG_DATA, { optional: true }) ?? null)?.asset ?? null;

  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly creating = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly search = signal("");
  private readonly found = signal<Person[]>([]);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly form = new FormGroup({
    ...ticketFieldControls({ descriptionRequired: false }),
    priority: new FormControl<Priority>("medium", { nonNullable: true }),
    reporterId: new FormControl(this.me?.id ?? "", { nonNullable: true }),
  });

  /** Me first, then the people found; the chosen reporter stays listed whatever the search shows. */
  protected readonly reporterOptions = computed(() => {
    const me = this.me;
    const people = [...(me ? [me] : []), ...this.found().filter((p) => p.id !== me?.id)];
    return people.map((p) => ({
      id: p.id,
      label: p.id === me?.id ? `${p.name} (${p.email}) — you` : `${p.name} (${p.email})`,
    }));
  });

  constructor() {
    void this.api.people("").then(
      (p) => this.found.set(p),
      () => undefined,
    );
  }

  protected find(q: string): void {
    this.search.set(q);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      void this.api.people(q.trim()).then(
        (people) => {
          const chosen = this.found().find((p) => p.id === this.form.controls.reporterId.value);
          this.found.set(chosen && !people.some((p) => p.id === chosen.id) ? [chosen, ...people] : people);
        },
        () => undefined,
      );
    }, 250);
  }

  protected error(control: "priority" | "reporterId"): string {
    return errorText(this.form.controls[control]);
  }

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
        priority: v.priority,
        ...(v.reporterId && v.reporterId !== this.me?.id ? { reporter_id: v.reporterId } : {}),
        ...(this.asset ? { asset_id: this.asset.id } : {}),
      });
      this.ref.close(ticket);
      // From an asset page: that page stays and shows the ticket.
      if (!this.asset) {
        await this.router.navigate(["/tickets", ticket.number], { state: { created: ticket.number } });
      }
    } catch (err) {
      this.failure.set(applyProblem(this.form, err, FIELDS));
    } finally {
      this.creating.set(false);
    }
  }
}
