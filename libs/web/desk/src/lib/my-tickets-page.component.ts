import { BreakpointObserver } from "@angular/cdk/layout";
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from "@angular/core";
import { toSignal } from "@angular/core/rxjs-interop";
import { MatButton } from "@angular/material/button";
import { MatButtonToggle, MatButtonToggleGroup } from "@angular/material/button-toggle";
import { MatDialog } from "@angular/material/dialog";
import { MatFormField, MatLabel, MatPrefix } from "@angular/material/form-field";
import { MatIcon } from "@angular/material/icon";
import { MatInput } from "@angular/material/input";
import { ActivatedRoute, Router } from "@angular/router";
import { type Ticket, TicketListComponent } from "@uslimato/web-tickets";
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  PageHeaderComponent,
} from "@uslimato/web-ui";
import { map } from "rxjs";
import { DeskApi, type DeskState } from "./desk-api.ts";
import { DeskNewTicketDialogComponent } from "./desk-new-ticket-dialog.component.ts";

const STATES: DeskState[] = ["open", "done", "all"];

/** `/desk`: the tickets the signed-in user reported, open / done / all, with search. */
@Component({
  selector: "us-my-tickets-page",
  imports: [
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatPrefix,
    PageHeaderComponent,
    TicketListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header title="My tickets" subtitle="Issues and requests you reported to the service desk, and where they stand.">
      <button mat-flat-button type="button" (click)="newTicket()"><mat-icon>add</mat-icon>New ticket</button>
    </ui-page-header>
    <div class="bar">
      <mat-button-toggle-group [value]="state()" (change)="setState($event.value)" hideSingleSelectionIndicator aria-label="Show">
        <mat-button-toggle value="open">Open</mat-button-toggle>
        <mat-button-toggle value="done">Done</mat-button-toggle>
        <mat-button-toggle value="all">All</mat-button-toggle>
      </mat-button-toggle-group>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
        <mat-label>Search</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input matInput type="search" [value]="search()" (input)="typed($any($event.target).value)" />
      </mat-form-field>
    </div>
    <section aria-label="Ticket list">
      @if (tickets(); as list) {
        @if (list.length > 0) {
          <us-ticket-list [tickets]="list" base="/desk/tickets" [cards]="phone()" />
          <div class="end">
            @if (next()) {
              <button mat-stroked-button type="button" (click)="more()" [disabled]="loading()">{{ loading() ? "Loading…" : "Load more" }}</button>
            } @else {
              <span class="ui-muted">{{ list.length === 1 ? "1 ticket" : list.length + " tickets" }}</span>
            }
          </div>
        } @else {
          <ui-empty-state [title]="emptyTitle()" message="Report an issue or ask for something with “New ticket”." />
        }
      } @else if (error()) {
        <ui-error-state [error]="error()" title="Could not load your tickets" (retry)="load()" />
      } @else {
        <ui-loading-state label="Loading your tickets…" />
      }
    </section>
  `,
  styles: `
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 16px; }
    .bar mat-button-toggle-group { background: var(--ui-surface); }
    .search { flex: 1 1 220px; }
    .end { display: flex; justify-content: center; padding: 16px 0; font-size: 0.875rem; }
  `,
})
export class MyTicketsPageComponent {
  private readonly api = inject(DeskApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap);
  protected readonly state = computed<DeskState>(() => {
    const show = this.params()?.get("show");
    return STATES.find((s) => s === show) ?? "open";
  });
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe("(max-width: 767.98px)")
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly search = signal("");
  private readonly query = signal("");
  protected readonly tickets = signal<Ticket[] | null>(null);
  protected readonly next = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly emptyTitle = computed(() =>
    this.query()
      ? "No tickets match your search"
      : {
          open: "You have no open tickets",
          done: "No finished tickets yet",
          all: "You have not reported anything yet",
        }[this.state()],
  );
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;

  constructor() {
    effect(() => {
      this.state();
      this.query();
      untracked(() => void this.load());
    });
  }

  protected setState(state: DeskState): void {
    void this.router.navigate([], { queryParams: state === "open" ? {} : { show: state }, replaceUrl: true });
  }

  protected typed(value: string): void {
    this.search.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.query.set(value.trim()), 300);
  }

  protected async load(): Promise<void> {
    const run = ++this.run;
    this.error.set(null);
    try {
      const page = await this.api.mine(this.state(), this.query());
      if (run !== this.run) return;
      this.tickets.set(page.data);
      this.next.set(page.next_cursor);
    } catch (err) {
      if (run === this.run) this.error.set(err);
    }
  }

  protected async more(): Promise<void> {
    const cursor = this.next();
    if (!cursor) return;
    const run = this.run;
    this.loading.set(true);
    try {
      const page = await this.api.mine(this.state(), this.query(), cursor);
      if (run !== this.run) return;
      this.tickets.update((t) => [...(t ?? []), ...page.data]);
      this.next.set(page.next_cursor);
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected newTicket(): void {
    this.dialog.open(DeskNewTicketDialogComponent, {
      width: "min(600px, calc(100vw - 24px))",
      maxWidth: "100vw",
    });
  }
}
