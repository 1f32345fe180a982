import { ChangeDetectionStrategy, Component, computed, inject, signal } from "@angular/core";
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from "@angular/forms";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from "@angular/material/dialog";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatIcon } from "@angular/material/icon";
import { MatInput } from "@angular/material/input";
import { Router } from "@angular/router";
import { problemOf, SessionStore } from "@uslimato/web-data-access";
import {
  PRIORITIES,
  PRIORITY_LABEL,
  type Priority,
  TICKET_TYPES,
  type TicketType,
  TYPE_LABEL,
} from "@uslimato/web-ui";
import { TicketsApi } from "../common/tickets-api.ts";
import type { NewTicketDialogData, Person } from "../common/types.ts";

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
    MatIcon,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New ticket</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (failure()) {
          <div class="ui-form-error" role="alert"><strong>Could not create the ticket.</strong> {{ failure() }}</div>
        }
        @if (asset; as a) {
          <div class="asset">
            <mat-icon aria-hidden="true">devices</mat-icon>
            <div>
              <span class="asset__label">Asset</span>
              <span class="asset__name">{{ a.name }} · {{ a.asset_tag }}</span>
            </div>
          </div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" maxlength="200" required cdkFocusInitial />
          <mat-error>{{ errorOf("title", "Enter a title") }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="5"></textarea>
          <mat-hint>What happened, what is affected, since when.</mat-hint>
          <mat-error>{{ errorOf("description", "") }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Type</mat-label>
            <select matNativeControl formControlName="type" required>
              <option value="">Choose…</option>
              @for (t of types; track t) {
                <option [value]="t">{{ typeLabel[t] }}</option>
              }
            </select>
            <mat-error>{{ errorOf("type", "Choose a type") }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Priority</mat-label>
            <select matNativeControl formControlName="priority">
              @for (p of priorities; track p) {
                <option [value]="p">{{ priorityLabel[p] }}</option>
              }
            </select>
          </mat-form-field>
        </div>
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
          <mat-error>{{ errorOf("reporter_id", "") }}</mat-error>
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
    .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
    .asset { display: flex; align-items: center; gap: 12px; padding: 10px 14px; border: 1px solid var(--ui-border); border-radius: 8px; }
    .asset mat-icon { color: var(--ui-muted); flex: none; }
    .asset div { display: flex; flex-direction: column; min-width: 0; }
    .asset__label { font-size: 0.75rem; color: var(--ui-muted); }
    .asset__name { overflow-wrap: anywhere; }
    @media (max-width: 599.98px) { .row { grid-template-columns: 1fr; gap: 4px; } }
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

  protected readonly types = TICKET_TYPES;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly creating = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly search = signal("");
  private readonly found = signal<Person[]>([]);
  private readonly serverErrors = signal<Record<string, string>>({});
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly form = new FormGroup({
    title: new FormControl("", { nonNullable: true, validators: [Validators.required, blank] }),
    description: new FormControl("", { nonNullable: true }),
    type: new FormControl<"" | TicketType>("", { nonNullable: true, validators: [Validators.required] }),
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

  protected errorOf(field: string, fallback: string): string {
    return this.serverErrors()[field] ?? fallback;
  }

  protected async submit(): Promise<void> {
    this.serverErrors.set({});
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.creating.set(true);
    this.failure.set(null);
    try {
      const ticket = await this.api.create({
        title: v.title.trim(),
        description: v.description,
        type: v.type as TicketType,
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
      const problem = problemOf(err);
      const fields = { ...problem.fieldErrors };
      if (fields.reporter_id) fields.reporterId = fields.reporter_id;
      this.serverErrors.set(fields);
      let shown = false;
      for (const [name, control] of Object.entries(this.form.controls)) {
        if (fields[name] || (name === "reporterId" && fields.reporter_id)) {
          control.setErrors({ server: true });
          control.markAsTouched();
          shown = true;
        }
      }
      if (!shown) this.failure.set(problem.detail ?? problem.title);
    } finally {
      this.creating.set(false);
    }
  }
}

function blank(control: AbstractControl) {
  return String(control.value ?? "").trim() ? null : { required: true };
}
