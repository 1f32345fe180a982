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
import { STATUSES } from "@uslimato/domain";
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  PageHeaderComponent,
  PRIORITIES,
  PRIORITY_LABEL,
  STATUS_LABEL,
  TICKET_TYPES,
  TYPE_LABEL,
} from "@uslimato/web-ui";
import { map } from "rxjs";
import { TicketFeed } from "../common/ticket-feed.ts";
import { TicketsApi } from "../common/tickets-api.ts";
import type { Person } from "../common/types.ts";
import { QueueStore } from "./queue.store.ts";
import {
  ACTIVE_STATUSES,
  DEFAULT_FILTERS,
  filtersFrom,
  paramsOf,
  type QueueFilters,
  type StatusFilter,
} from "./queue-filters.ts";
import { TicketListComponent } from "./ticket-list.component.ts";

/** `/tickets`: the service desk queue with counts, filters in the address, Load more, live refresh. */
@Component({
  selector: "us-queue-page",
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
  providers: [QueueStore, TicketFeed],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header title="Tickets" subtitle="The service desk queue: incidents and service requests.">
      <span class="live" [class.live--on]="feed.state() === 'live'"
        [title]="feed.state() === 'live' ? 'The queue updates by itself' : 'Waiting for the live connection'">
        <span class="live__dot" aria-hidden="true"></span>{{ feed.state() === "live" ? "Live" : feed.state() === "connecting" ? "Connecting…" : "Reconnecting…" }}
      </span>
      <button mat-flat-button type="button" (click)="newTicket()"><mat-icon>add</mat-icon>New ticket</button>
    </ui-page-header>

    <div class="switch" role="group" aria-label="Ticket counts">
      <mat-button-toggle-group [value]="filters().status" (change)="setStatus($event.value)" hideSingleSelectionIndicator
        aria-label="Status" name="queue-status">
        <mat-button-toggle value="active">Active <span class="count">{{ activeCount() ?? "" }}</span></mat-button-toggle>
        @for (s of statuses; track s) {
          <mat-button-toggle [value]="s">{{ statusLabel[s] }} <span class="count">{{ store.counts()?.[s] ?? "" }}</span></mat-button-toggle>
        }
        <mat-button-toggle value="all">All <span class="count">{{ allCount() ?? "" }}</span></mat-button-toggle>
      </mat-button-toggle-group>
    </div>

    <div class="filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
        <mat-label>Search</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input matInput type="search" [value]="search()" (input)="typed(value($event))" (keydown.enter)="searchNow()"
          placeholder="Number, title or description" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Type</mat-label>
        <select matNativeControl (change)="set({ type: $any(value($event)) })">
          <option value="" [selected]="!filters().type">Any type</option>
          @for (t of types; track t) {
            <option [value]="t" [selected]="t === filters().type">{{ typeLabel[t] }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Priority</mat-label>
        <select matNativeControl (change)="set({ priority: $any(value($event)) })">
          <option value="" [selected]="!filters().priority">Any priority</option>
          @for (p of priorities; track p) {
            <option [value]="p" [selected]="p === filters().priority">{{ priorityLabel[p] }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Assignee</mat-label>
        <select matNativeControl (change)="set({ assignee: value($event) })">
          <option value="any" [selected]="filters().assignee === 'any'">Anyone</option>
          <option value="me" [selected]="filters().assignee === 'me'">Me</option>
          <option value="unassigned" [selected]="filters().assignee === 'unassigned'">Unassigned</option>
          @if (agents().length > 0) {
            <optgroup label="Agents">
              @for (a of agents(); track a.id) {
                <option [value]="a.id" [selected]="a.id === filters().assignee">{{ a.name }}</option>
              }
            </optgroup>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Sort</mat-label>
        <select matNativeControl (change)="set({ sort: $any(value($event)) })">
          <option value="newest" [selected]="filters().sort === 'newest'">Newest first</option>
          <option value="oldest" [selected]="filters().sort === 'oldest'">Oldest first</option>
        </select>
      </mat-form-field>
    </div>

    <section aria-label="Queue" [attr.aria-busy]="store.loading()">
      @if (store.tickets(); as tickets) {
        @if (tickets.length > 0) {
          <us-ticket-list [tickets]="tickets" [cards]="phone()" />
          <div class="end">
            @if (store.hasMore()) {
              <button mat-stroked-button type="button" (click)="store.loadMore()" [disabled]="store.loadingMore()">
                {{ store.loadingMore() ? "Loading…" : "Load more" }}
              </button>
            } @else {
              <span class="ui-muted">{{ tickets.length === 1 ? "1 ticket" : tickets.length + " tickets" }} · end of the list</span>
            }
          </div>
        } @else {
          <ui-empty-state title="No tickets match these filters"
            [message]="filtered() ? 'Change the filters, or show all active tickets.' : 'New tickets appear here as soon as they are reported.'">
            @if (filtered()) {
              <button mat-button type="button" (click)="reset()">Show all active tickets</button>
            }
          </ui-empty-state>
        }
        @if (store.error()) {
          <p class="refresh-error" role="alert">Could not refresh the queue. {{ $any(store.error())?.message }}</p>
        }
      } @else if (store.error()) {
        <ui-error-state [error]="store.error()" title="Could not load the queue" (retry)="store.refresh()" />
      } @else {
        <ui-loading-state label="Loading the queue…" />
      }
    </section>
  `,
  styleUrl: "./queue-page.component.scss",
})
export class QueuePageComponent {
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(TicketsApi);
  protected readonly store = inject(QueueStore);
  protected readonly feed = inject(TicketFeed);

  protected readonly filters = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map(filtersFrom)), {
    initialValue: DEFAULT_FILTERS,
  });
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe("(max-width: 767.98px)")
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly filtered = computed(
    () => JSON.stringify(this.filters()) !== JSON.stringify(DEFAULT_FILTERS),
  );
  protected readonly agents = signal<Person[]>([]);
  protected readonly search = signal("");

  protected readonly statuses = STATUSES;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly types = TICKET_TYPES;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly activeCount = computed(() => {
    const c = this.store.counts();
    return c ? ACTIVE_STATUSES.reduce((sum, s) => sum + c[s], 0) : null;
  });
  protected readonly allCount = computed(() => {
    const c = this.store.counts();
    return c ? STATUSES.reduce((sum, s) => sum + c[s], 0) : null;
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        this.search.set(filters.q);
        void this.store.show(filters);
      });
    });
    // A change anywhere in the workspace: re-read what is shown.
    effect(() => {
      if (this.feed.version() > 0) untracked(() => void this.store.refresh());
    });
    void this.api.agents().then(
      (a) => this.agents.set(a),
      () => undefined,
    );
  }

  protected set(patch: Partial<QueueFilters>): void {
    void this.router.navigate([], {
      queryParams: paramsOf({ ...this.filters(), ...patch }),
      replaceUrl: true,
    });
  }

  protected setStatus(status: StatusFilter): void {
    this.set({ status });
  }

  protected typed(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.set({ q: value }), 300);
  }

  protected searchNow(): void {
    clearTimeout(this.searchTimer);
    this.set({ q: this.search() });
  }

  protected reset(): void {
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement | HTMLInputElement).value;
  }

  protected async newTicket(): Promise<void> {
    // The dialog (and the forms code) loads on first use, not with the queue.
    const { NewTicketDialogComponent } = await import("../ticket/new-ticket-dialog.component.ts");
    this.dialog.open(NewTicketDialogComponent, {
      width: "min(640px, calc(100vw - 24px))",
      maxWidth: "100vw",
      autoFocus: "first-tabbable",
    });
  }
}
