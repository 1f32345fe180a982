import { ChangeDetectionStrategy, Component, computed, input } from "@angular/core";
import { MatIcon } from "@angular/material/icon";
import { describeHistory, formatDateTime, formatWhen } from "./history-words.ts";
import { PlainTextComponent } from "./plain-text.component.ts";
import type { Comment, HistoryEntry } from "./types.ts";

type Item =
  | { kind: "comment"; at: number; order: number; comment: Comment }
  | { kind: "history"; at: number; order: number; entry: HistoryEntry };

/**
 * Comments and history in time order. Comment history rows are left out: the comment itself is shown.
 * Entries written in one transaction share a time; they keep the server's order, history first.
 */
export function mergeTimeline(comments: Comment[], history: HistoryEntry[]): Item[] {
  const items: Item[] = [
    ...history
      .filter((entry) => entry.kind !== "comment")
      .map((entry, i) => ({ kind: "history" as const, at: Date.parse(entry.created_at), order: i, entry })),
    ...comments.map((comment, i) => ({
      kind: "comment" as const,
      at: Date.parse(comment.created_at),
      order: 100_000 + i,
      comment,
    })),
  ];
  return items.sort((a, b) => a.at - b.at || a.order - b.order);
}

/** Who reads the timeline: an agent, or the reporter in the desk portal (who never sees internal notes). */
export type Audience = "agent" | "reporter";

const EXTERNAL_LABEL: Record<Audience, { reporter: string; desk: string }> = {
  agent: { reporter: "From reporter", desk: "Reply to reporter" },
  reporter: { reporter: "You wrote", desk: "Service desk" },
};

/** A ticket's comments and history; internal notes and replies never look alike. */
@Component({
  selector: "us-ticket-timeline",
  imports: [MatIcon, PlainTextComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length === 0) {
      <p class="ui-muted">Nothing has happened on this ticket yet.</p>
    }
    <ol class="timeline">
      @for (item of items(); track item.kind + (item.kind === "comment" ? item.comment.id : item.entry.id)) {
        @if (item.kind === "comment") {
          @let c = item.comment;
          @let kind = kindOf(c);
          <li>
            <article class="comment" [class]="'comment comment--' + kind.look" [attr.data-visibility]="c.visibility"
              [attr.aria-label]="kind.label + ' by ' + (c.author?.name ?? 'a former user')">
              <header>
                <strong>{{ c.author?.name ?? "A former user" }}</strong>
                <span class="tag"><mat-icon aria-hidden="true">{{ kind.icon }}</mat-icon>{{ kind.label }}</span>
                <time [attr.datetime]="c.created_at" [title]="full(c.created_at)">{{ when(c.created_at) }}</time>
              </header>
              <us-plain-text [text]="c.body" />
            </article>
          </li>
        } @else {
          <li class="event">
            <span class="dot" aria-hidden="true"></span>
            <span>{{ describe(item.entry) }}<span class="ui-muted"> · {{ item.entry.actor?.name ?? "System" }} · </span><time class="ui-muted" [attr.datetime]="item.entry.created_at" [title]="full(item.entry.created_at)">{{ when(item.entry.created_at) }}</time></span>
          </li>
        }
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
    .event { display: flex; gap: 10px; align-items: baseline; padding: 0 8px; font-size: 0.875rem; }
    .dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: #aab0c0; transform: translateY(-1px); }
    .comment { border: 1px solid var(--ui-border); border-left-width: 4px; border-radius: 10px; padding: 12px 14px;
      background: var(--ui-surface); font-size: 0.9375rem; }
    .comment header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-bottom: 6px;
      font-size: 0.875rem; }
    .comment time { margin-left: auto; color: var(--ui-muted); font-size: 0.8125rem; }
    .tag { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 6px;
      font-size: 0.75rem; font-weight: 600; white-space: nowrap; }
    .tag mat-icon { font-size: 14px; width: 14px; height: 14px; }
    .comment--internal { background: var(--ui-internal-bg); border-color: var(--ui-internal-border);
      border-style: dashed; border-left-style: solid; }
    .comment--internal .tag { background: #f5d565; color: #3d2c00; }
    .comment--desk { background: var(--ui-external-bg); border-left-color: var(--ui-external-border); }
    .comment--desk .tag { background: #d6e2ff; color: var(--ui-external-ink); }
    .comment--reporter { border-left-color: #8a90a2; }
    .comment--reporter .tag { background: #eceef3; color: #343a46; }
  `,
})
export class TicketTimelineComponent {
  readonly comments = input.required<Comment[]>();
  readonly history = input.required<HistoryEntry[]>();
  readonly reporterId = input.required<string>();
  readonly audience = input<Audience>("agent");

  protected readonly items = computed(() => mergeTimeline(this.comments(), this.history()));
  protected readonly describe = describeHistory;
  protected readonly when = (iso: string) => formatWhen(iso);
  protected readonly full = formatDateTime;

  protected kindOf(c: Comment): { label: string; icon: string; look: "internal" | "desk" | "reporter" } {
    if (c.visibility === "internal") return { label: "Internal note", icon: "lock", look: "internal" };
    const labels = EXTERNAL_LABEL[this.audience()];
    return c.author?.id === this.reporterId()
      ? { label: labels.reporter, icon: "person", look: "reporter" }
      : { label: labels.desk, icon: "reply", look: "desk" };
  }
}
