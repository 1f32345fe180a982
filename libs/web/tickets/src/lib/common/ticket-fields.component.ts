import { ChangeDetectionStrategy, Component, computed, input } from "@angular/core";
import { FormControl, ReactiveFormsModule, Validators } from "@angular/forms";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { errorText, notBlank } from "@uslimato/web-data-access";
import { TICKET_TYPES, type TicketType, TYPE_LABEL } from "@uslimato/web-ui";

/** The controls of a new ticket's Title, Description and Type, as `TicketFieldsComponent` shows them. */
export interface TicketFieldControls {
  title: FormControl<string>;
  description: FormControl<string>;
  type: FormControl<"" | TicketType>;
}

/**
 * Title (trimmed, required), Description (required with `descriptionRequired`: the desk's) and Type
 * (required), empty: spread them into the dialog's FormGroup.
 */
export function ticketFieldControls(options: { descriptionRequired: boolean }): TicketFieldControls {
  return {
    title: new FormControl("", { nonNullable: true, validators: [notBlank] }),
    description: new FormControl("", {
      nonNullable: true,
      validators: options.descriptionRequired ? [notBlank] : [],
    }),
    type: new FormControl<"" | TicketType>("", { nonNullable: true, validators: [Validators.required] }),
  };
}

/** The fields' part of a create request: the title trimmed, the description as typed. */
export function ticketFieldValues(value: { title: string; description: string; type: "" | TicketType }) {
  return { title: value.title.trim(), description: value.description, type: value.type as TicketType };
}

/** The server's field names → [control, label] for `applyProblem` (same names on both sides). */
export const TICKET_FIELDS = {
  title: ["title", "Title"],
  description: ["description", "Description"],
  type: ["type", "Type"],
} as const;

/**
 * A new ticket's Title (focused first), Description and Type, for the "New ticket" dialogs (agent and desk)
 * inside their `[formGroup]` form. Content goes in Type's row, next to it (the agent's Priority); without
 * any, Type takes the whole width. The host takes no box (`display: contents`): the fields stand in the
 * dialog's own column.
 */
@Component({
  selector: "us-ticket-fields",
  imports: [MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Title</mat-label>
      <input matInput [formControl]="controls().title" maxlength="200" required cdkFocusInitial />
      <mat-error>{{ error(controls().title, "Enter a title") }}</mat-error>
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Description</mat-label>
      <textarea matInput [formControl]="controls().description" rows="5" [required]="descriptionRequired()"></textarea>
      @if (descriptionHint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error>{{ error(controls().description, descriptionMissing()) }}</mat-error>
    </mat-form-field>
    <div class="row">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Type</mat-label>
        <select matNativeControl [formControl]="controls().type" required>
          <option value="">Choose…</option>
          @for (t of types; track t) {
            <option [value]="t">{{ typeLabel[t] }}</option>
          }
        </select>
        <mat-error>{{ error(controls().type, "Choose a type") }}</mat-error>
      </mat-form-field>
      <ng-content />
    </div>
  `,
  styles: `
    :host { display: contents; }
    .row { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 12px; }
    @media (max-width: 599.98px) { .row { grid-auto-flow: row; gap: 4px; } }
  `,
})
export class TicketFieldsComponent {
  /** The dialog's form's controls (see `ticketFieldControls`). */
  readonly controls = input.required<TicketFieldControls>();
  /** Marks Description required, with "Describe the issue or request" when it is left empty. */
  readonly descriptionRequired = input(false);
  /** The hint under Description, if any. */
  readonly descriptionHint = input("");

  protected readonly types = TICKET_TYPES;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly descriptionMissing = computed(() =>
    this.descriptionRequired() ? "Describe the issue or request" : "",
  );

  /** The server's message for the control, else `missing` when it is required and empty. */
  protected error(control: FormControl, missing: string): string {
    return errorText(control, missing ? { required: missing } : {});
  }
}
