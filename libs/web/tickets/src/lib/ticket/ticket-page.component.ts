import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from "@angular/core";
import { MatIcon } from "@angular/material/icon";
import { Title } from "@angular/platform-browser";
import { RouterLink } from "@angular/router";
import { FINAL_STATUSES } from "@uslimato/domain";
import {
  PriorityBadgeComponent,
  RecordStateComponent,
  StatusBadgeComponent,
  TYPE_LABEL,
} from "@uslimato/web-ui";
import { formatDateTime } from "../common/history-words.ts";
import { TicketDescriptionComponent } from "../common/ticket-description.component.ts";
import { TicketFeed } from "../common/ticket-feed.ts";
import { takeCreatedMark } from "../common/ticket-page-parts.ts";
import { TicketTimelineComponent } from "../common/timeline.component.ts";
import { CommentBoxComponent } from "./comment-box.component.ts";
import { TicketStore } from "./ticket.store.ts";
import { TicketActionsComponent } from "./ticket-actions.component.ts";
import { TicketDetailsComponent } from "./ticket-details.component.ts";

/** `/tickets/:number`: one ticket for agents. */
@Component({
  selector: "us-ticket-page",
  imports: [
    CommentBoxComponent,
    MatIcon,
    TicketDescriptionComponent,
    PriorityBadgeComponent,
    RecordStateComponent,
    RouterLink,
    StatusBadgeComponent,
    TicketActionsComponent,
    TicketDetailsComponent,
    TicketTimelineComponent,
  ],
  providers: [TicketStore, TicketFeed],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.ticket(); as t) {
      <a routerLink="/tickets" class="back"><mat-icon aria-hidden="true">arrow_back</mat-icon>Back to the queue</a>
      <header class="head">
        <h1><span class="number">{{ t.number }}</span> {{ t.title }}</h1>
        <div class="meta">
          <ui-status-badge [status]="t.status" />
          <ui-priority-badge [priority]="t.priority" />
          <span class="ui-muted">{{ typeLabel[t.type] }} reported by {{ t.reporter.name }}</span>
        </div>
      </header>

      @if (created === t.number) {
        <div class="notice notice--done" role="status"><strong>{{ t.number }} created</strong> The ticket is in the queue.</div>
      }
      @if (store.notice(); as n) {
        <div [class]="'notice notice--' + n.kind" [attr.role]="n.kind === 'failed' ? 'alert' : 'status'">
          <strong>{{ n.title }}</strong>
          @if (n.detail) {
            <span>{{ n.detail }}</span>
          }
        </div>
      }
      @if (final()) {
        <div class="notice notice--closed" role="status">
          <strong>This ticket is closed</strong>
          <span>
            @if (t.status === "cancelled") {
              It was cancelled{{ t.closed_at ? " on " + date(t.closed_at) : "" }}@if (t.cancel_reason) {: “{{ t.cancel_reason }}”}.
            } @else {
              It was closed{{ t.closed_at ? " on " + date(t.closed_at) : "" }}.
            }
            No further changes or comments are possible.
          </span>
        </div>
      }

      <div class="grid">
        <div class="main">
          <us-ticket-description [text]="t.description" />
          <section aria-labelledby="ticket-activity" class="activity">
            <h2 id="ticket-activity">Activity</h2>
            @if (store.comments() && store.history()) {
              <us-ticket-timeline [comments]="store.comments()!" [history]="store.history()!" [reporterId]="t.reporter.id" audience="agent" />
            }
            @if (!final()) {
              <us-comment-box [ticketId]="t.id" />
            }
          </section>
        </div>
        <aside class="side">
          @if (!final()) {
            <us-ticket-actions [ticket]="t" />
          }
          <us-ticket-details [ticket]="t" />
        </aside>
      </div>
    } @else {
      <ui-record-state what="ticket" [notFound]="store.notFound()" [error]="store.error()" (retry)="store.reload()">
        <a routerLink="/tickets">Back to the queue</a>
      </ui-record-state>
    }
  `,
  styleUrl: "./ticket-page.component.scss",
})
export class TicketPageComponent {
  /** The route's `:number` (component input binding). */
  readonly number = input.required<string>();
  protected readonly store = inject(TicketStore);
  private readonly feed = inject(TicketFeed);
  private readonly title = inject(Title);
  protected readonly created = takeCreatedMark();
  protected readonly final = computed(() => {
    const t = this.store.ticket();
    return t !== null && FINAL_STATUSES.has(t.status);
  });
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly date = formatDateTime;

  constructor() {
    effect(() => {
      const number = this.number();
      untracked(() => void this.store.open(number));
    });
    effect(() => {
      if (this.feed.version() > 0) untracked(() => void this.store.reload());
    });
    effect(() => {
      const t = this.store.ticket();
      if (t) this.title.setTitle(`${t.number} ${t.title} · Uslimato`);
    });
  }
}
