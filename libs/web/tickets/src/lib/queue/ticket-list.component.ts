import { ChangeDetectionStrategy, Component, input } from "@angular/core";
import { RouterLink } from "@angular/router";
import { PriorityBadgeComponent, StatusBadgeComponent, TYPE_LABEL } from "@uslimato/web-ui";
import { formatDateTime, formatWhen } from "../common/history-words.ts";
import type { Ticket } from "../common/types.ts";

/** Tickets as a table (desktop) or as cards, each one link (phone): badges never cut off. */
@Component({
  selector: "us-ticket-list",
  imports: [PriorityBadgeComponent, RouterLink, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (cards()) {
      <ul class="cards">
        @for (t of tickets(); track t.id) {
          <li>
            <a class="card" [routerLink]="[base(), t.number]">
              <span class="top"><span class="number">{{ t.number }}</span><span class="ui-muted when">{{ when(t.updated_at) }}</span></span>
              <span class="title">{{ t.title }}</span>
              <span class="badges"><ui-status-badge [status]="t.status" /><ui-priority-badge [priority]="t.priority" /></span>
              <span class="ui-muted meta">{{ types[t.type] }} · {{ t.assignee?.name ?? "Unassigned" }}</span>
            </a>
          </li>
        }
      </ul>
    } @else {
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Number</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Priority</th>
              <th scope="col">Type</th><th scope="col">Assignee</th><th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            @for (t of tickets(); track t.id) {
              <tr>
                <td class="nowrap"><a class="number" [routerLink]="[base(), t.number]">{{ t.number }}</a></td>
                <td class="title-cell"><a class="title" [routerLink]="[base(), t.number]">{{ t.title }}</a>
                  <span class="ui-muted reporter">{{ t.reporter.name }}</span></td>
                <td><ui-status-badge [status]="t.status" /></td>
                <td><ui-priority-badge [priority]="t.priority" /></td>
                <td class="nowrap">{{ types[t.type] }}</td>
                <td>{{ t.assignee?.name ?? "—" }}</td>
                <td class="nowrap ui-muted"><time [attr.datetime]="t.updated_at" [title]="full(t.updated_at)">{{ when(t.updated_at) }}</time></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .table-wrap { overflow-x: auto; background: var(--ui-surface); border: 1px solid var(--ui-border); border-radius: 12px; }
    table { width: 100%; border-collapse: collapse; font-size: 0.875rem; }
    th { text-align: left; font-weight: 600; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em;
      color: var(--ui-muted); padding: 10px 12px; border-bottom: 1px solid var(--ui-border); background: #fafbfd; }
    td { padding: 10px 12px; border-bottom: 1px solid #eef0f5; vertical-align: middle; }
    tbody tr:last-child td { border-bottom: 0; }
    tbody tr:hover { background: #f8f9fc; }
    .nowrap { white-space: nowrap; }
    .number { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 0.8125rem; font-weight: 600; }
    .title-cell { min-width: 220px; }
    .title { color: var(--ui-ink); font-weight: 550; text-decoration: none; overflow-wrap: anywhere; }
    .title:hover { text-decoration: underline; }
    .reporter { display: block; font-size: 0.8125rem; }
    .cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    .card { display: flex; flex-direction: column; gap: 6px; padding: 12px 14px; background: var(--ui-surface);
      border: 1px solid var(--ui-border); border-radius: 12px; color: var(--ui-ink); text-decoration: none; }
    .card .top { display: flex; justify-content: space-between; gap: 8px; }
    .card .number { color: var(--ui-brand); }
    .card .title { overflow-wrap: anywhere; }
    .badges { display: flex; flex-wrap: wrap; gap: 6px; }
    .when, .meta { font-size: 0.8125rem; }
  `,
})
export class TicketListComponent {
  readonly tickets = input.required<Ticket[]>();
  /** Where a ticket's page is: `[base, number]`. */
  readonly base = input("/tickets");
  readonly cards = input(false);
  protected readonly types = TYPE_LABEL;
  protected readonly when = (iso: string) => formatWhen(iso);
  protected readonly full = formatDateTime;
}
