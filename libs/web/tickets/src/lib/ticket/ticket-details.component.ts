import { ChangeDetectionStrategy, Component, computed, inject, input } from "@angular/core";
import { MatFormField, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { FINAL_STATUSES } from "@uslimato/domain";
import {
  PRIORITIES,
  PRIORITY_LABEL,
  type Priority,
  PriorityBadgeComponent,
  StatusBadgeComponent,
  TICKET_TYPES,
  type TicketType,
  TYPE_LABEL,
} from "@uslimato/web-ui";
import { formatDateTime } from "../common/history-words.ts";
import type { Ticket } from "../common/types.ts";
import { TicketStore } from "./ticket.store.ts";

/** The ticket's fields; type and priority are changed by choosing (sent at once) until it is final. */
@Component({
  selector: "us-ticket-details",
  imports: [MatFormField, MatInput, MatLabel, PriorityBadgeComponent, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ui-card" aria-labelledby="ticket-details">
      <h2 id="ticket-details">Details</h2>
      <dl>
        <div><dt>Status</dt><dd><ui-status-badge [status]="ticket().status" /></dd></div>
        @if (final()) {
          <div><dt>Type</dt><dd>{{ typeLabel[ticket().type] }}</dd></div>
          <div><dt>Priority</dt><dd><ui-priority-badge [priority]="ticket().priority" /></dd></div>
        }
      </dl>
      @if (!final()) {
        <div class="edits">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Type</mat-label>
            <select matNativeControl [disabled]="!!store.busy()" (change)="setType($any($event.target).value)">
              @for (t of types; track t) {
                <option [value]="t" [selected]="t === ticket().type">{{ typeLabel[t] }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Priority</mat-label>
            <select matNativeControl [disabled]="!!store.busy()" (change)="setPriority($any($event.target).value)">
              @for (p of priorities; track p) {
                <option [value]="p" [selected]="p === ticket().priority">{{ priorityLabel[p] }}</option>
              }
            </select>
          </mat-form-field>
        </div>
      }
      <dl>
        <div><dt>Reporter</dt><dd>{{ ticket().reporter.name }}<span class="ui-muted email">{{ ticket().reporter.email }}</span></dd></div>
        <div><dt>Assigned to</dt><dd>{{ ticket().assignee?.name ?? "Nobody yet" }}</dd></div>
        <div><dt>Created</dt><dd><time [attr.datetime]="ticket().created_at">{{ date(ticket().created_at) }}</time></dd></div>
        <div><dt>Updated</dt><dd><time [attr.datetime]="ticket().updated_at">{{ date(ticket().updated_at) }}</time></dd></div>
        @if (ticket().resolved_at; as at) {
          <div><dt>Resolved</dt><dd><time [attr.datetime]="at">{{ date(at) }}</time></dd></div>
        }
        @if (ticket().closed_at; as at) {
          <div><dt>Closed</dt><dd><time [attr.datetime]="at">{{ date(at) }}</time></dd></div>
        }
      </dl>
    </section>
  `,
  styles: `
    h2 { margin: 0 0 12px; font-size: 1rem; }
    dl, .edits { margin: 0 0 12px; display: flex; flex-direction: column; gap: 12px; }
    dl:last-child { margin-bottom: 0; }
    dt { font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ui-muted); }
    dd { margin: 2px 0 0; font-size: 0.875rem; }
    .email { display: block; font-size: 0.8125rem; overflow-wrap: anywhere; }
  `,
})
export class TicketDetailsComponent {
  readonly ticket = input.required<Ticket>();
  protected readonly store = inject(TicketStore);
  protected readonly final = computed(() => FINAL_STATUSES.has(this.ticket().status));
  protected readonly types = TICKET_TYPES;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly date = formatDateTime;

  protected setType(type: TicketType): void {
    void this.store.change(
      { type },
      { success: "Type changed", failure: "Could not change the type" },
      "type",
    );
  }

  protected setPriority(priority: Priority): void {
    void this.store.change(
      { priority },
      { success: "Priority changed", failure: "Could not change the priority" },
      "priority",
    );
  }
}
