import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  Injector,
  inject,
  input,
  signal,
  untracked,
} from "@angular/core";
import { FormControl, ReactiveFormsModule } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatIcon } from "@angular/material/icon";
import { MatInput } from "@angular/material/input";
import { Title } from "@angular/platform-browser";
import { RouterLink } from "@angular/router";
import { FINAL_STATUSES, type Status } from "@uslimato/domain";
import { problemOf, SessionStore } from "@uslimato/web-data-access";
import {
  assetPageLink,
  assetText,
  formatDateTime,
  TicketDescriptionComponent,
  TicketTimelineComponent,
  takeCreatedMark,
} from "@uslimato/web-tickets";
import { RecordStateComponent, StatusBadgeComponent, TYPE_LABEL } from "@uslimato/web-ui";
import { DeskTicketStore } from "./desk-ticket.store.ts";
import { RejectResolutionDialogComponent } from "./reject-resolution-dialog.component.ts";

const STATUS_TEXT: Record<Status, string> = {
  open: "Your ticket is waiting for an agent to pick it up.",
  in_progress: "An agent is working on your ticket.",
  resolved: "The service desk proposed a solution. Please tell us whether it solved your issue.",
  closed: "This ticket is closed.",
  cancelled: "This ticket was cancelled.",
};

/** `/desk/tickets/:number`: where the reporter's ticket stands, the replies, and the solution question. */
@Component({
  selector: "us-desk-ticket-page",
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    TicketDescriptionComponent,
    ReactiveFormsModule,
    RecordStateComponent,
    RouterLink,
    StatusBadgeComponent,
    TicketTimelineComponent,
  ],
  providers: [DeskTicketStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.ticket(); as t) {
      <a routerLink="/desk" class="back"><mat-icon aria-hidden="true">arrow_back</mat-icon>My tickets</a>
      @if (created === t.number) {
        <div class="notice notice--done" role="status"><strong>{{ t.number }} created</strong> The service desk has your ticket.</div>
      }
      <header class="head">
        <span class="number">{{ t.number }} · {{ typeLabel[t.type] }}</span>
        <h1>{{ t.title }}</h1>
      </header>
      @if (store.failure()) {
        <div class="notice notice--failed" role="alert">{{ store.failure() }}</div>
      }
      <section class="ui-card status" aria-labelledby="desk-status">
        <div class="status__row"><h2 id="desk-status">Status</h2><ui-status-badge [status]="t.status" /></div>
        <p>{{ statusText[t.status] }}</p>
        @if (t.status === "cancelled" && t.cancel_reason) {
          <p>Reason: “{{ t.cancel_reason }}”</p>
        }
        <p class="ui-muted small">Reported {{ date(t.created_at) }}@if (t.assignee) { · handled by {{ t.assignee.name }}}</p>
        @if (t.asset; as a) {
          <dl class="facts">
            <div>
              <dt>Asset</dt>
              <dd>
                @if (assetLink(); as link) {
                  <a [routerLink]="link">{{ assetText(a) }}</a>
                } @else if (a.deleted) {
                  {{ assetText(a) }} <span class="ui-muted">(deleted)</span>
                } @else {
                  {{ assetText(a) }}
                }
              </dd>
            </div>
          </dl>
        }
      </section>
      @if (t.status === "resolved") {
        <section class="question" aria-labelledby="desk-question">
          <h2 id="desk-question">Is your issue solved?</h2>
          <p>{{ t.resolved_at ? "Resolved " + date(t.resolved_at) + ". " : "" }}If it is, close the ticket. If not, tell us what is still wrong.</p>
          <div class="question__actions">
            <button mat-flat-button type="button" class="yes" [disabled]="store.busy()" (click)="store.confirm()">Yes, close it</button>
            <button mat-stroked-button type="button" [disabled]="store.busy()" (click)="reject()">No, still a problem</button>
          </div>
        </section>
      }
      <us-ticket-description [text]="t.description" />
      <section class="updates" aria-labelledby="desk-history">
        <h2 id="desk-history">Updates</h2>
        @if (store.comments() && store.history()) {
          <us-ticket-timeline [comments]="store.comments()!" [history]="store.history()!" [reporterId]="t.reporter.id" audience="reporter" />
        }
        @if (!final()) {
          <form class="ui-card box" aria-label="Write to the service desk" (submit)="$event.preventDefault(); send()" novalidate>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Comment</mat-label>
              <textarea matInput [formControl]="body" rows="3"></textarea>
              <mat-hint>The service desk sees your comment.</mat-hint>
              <mat-error>{{ commentError() }}</mat-error>
            </mat-form-field>
            <div class="box__actions">
              <button mat-flat-button type="submit" [disabled]="sending()">{{ sending() ? "Sending…" : "Add comment" }}</button>
            </div>
          </form>
        }
      </section>
    } @else {
      <ui-record-state what="ticket" [notFound]="store.notFound()" [error]="store.error()" (retry)="store.reload()">
        <a routerLink="/desk">Go to my tickets</a>
      </ui-record-state>
    }
  `,
  styles: `
    @use "web/ui/src/styles/detail-page";

    :host { display: flex; flex-direction: column; gap: 16px; }
    .back { align-self: flex-start; }
    .number { font-family: detail-page.$mono; font-size: 0.875rem; color: var(--ui-muted); }
    h1 { margin: 4px 0 0; }
    h2 { margin: 0; font-size: 1rem; }
    .ui-card > h2 { margin-bottom: 8px; }
    p { margin: 8px 0 0; }
    .small { font-size: 0.8125rem; }
    .status__row { display: flex; align-items: center; gap: 12px; }
    .status__row h2 { font-size: 0.875rem; color: var(--ui-muted); }
    .facts { margin: 12px 0 0; }
    .facts dd { margin: 2px 0 0; font-size: 0.875rem; overflow-wrap: anywhere; }
    .question { padding: 18px 20px; border-radius: 12px; background: #e3f6ef; border: 1px solid #7fcdb2; color: #0b3d2f; }
    .question h2 { font-size: 1.25rem; }
    .question__actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; }
    .yes { --mat-button-filled-container-color: #0b6b50; }
    .updates { display: flex; flex-direction: column; gap: 12px; }
    .updates > h2 { font-size: 1.125rem; }
    .box { display: flex; flex-direction: column; gap: 8px; }
    .box__actions { display: flex; justify-content: flex-end; }
  `,
})
export class DeskTicketPageComponent {
  readonly number = input.required<string>();
  protected readonly store = inject(DeskTicketStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly title = inject(Title);
  private readonly session = inject(SessionStore);
  protected readonly created = takeCreatedMark();
  protected readonly assetText = assetText;
  /** `/assets/<id>` for users of the assets area; a deleted asset has no page. */
  protected readonly assetLink = computed(() =>
    assetPageLink(this.store.ticket()?.asset, this.session.session()),
  );
  protected readonly statusText = STATUS_TEXT;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly date = formatDateTime;
  protected readonly final = computed(() => {
    const t = this.store.ticket();
    return t !== null && FINAL_STATUSES.has(t.status);
  });
  protected readonly body = new FormControl("", { nonNullable: true });
  protected readonly sending = signal(false);
  protected readonly commentError = signal("");

  constructor() {
    effect(() => {
      const number = this.number();
      untracked(() => void this.store.open(number));
    });
    effect(() => {
      const t = this.store.ticket();
      if (t) this.title.setTitle(`${t.number} ${t.title} · Uslimato`);
    });
  }

  protected reject(): void {
    this.dialog.open(RejectResolutionDialogComponent, {
      injector: this.injector,
      width: "min(480px, calc(100vw - 24px))",
    });
  }

  protected async send(): Promise<void> {
    if (!this.body.value.trim()) return this.fail("Write your comment first");
    this.sending.set(true);
    try {
      await this.store.comment(this.body.value);
      this.body.reset("");
    } catch (err) {
      const p = problemOf(err);
      this.fail(p.fieldErrors.body ?? `Could not add the comment. ${p.detail ?? p.title}`);
    } finally {
      this.sending.set(false);
    }
  }

  private fail(message: string): void {
    this.commentError.set(message);
    this.body.setErrors({ invalid: true });
    this.body.markAsTouched();
  }
}
