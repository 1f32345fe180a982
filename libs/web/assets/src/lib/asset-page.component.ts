import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from "@angular/core";
import { toSignal } from "@angular/core/rxjs-interop";
import { MatButton } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { MatIcon } from "@angular/material/icon";
import { MatTab, MatTabGroup } from "@angular/material/tabs";
import { Title } from "@angular/platform-browser";
import { ActivatedRoute, Router, RouterLink } from "@angular/router";
import { AREAS, problemOf, SessionStore } from "@uslimato/web-data-access";
import {
  confirmAction,
  ErrorStateComponent,
  LoadingStateComponent,
  Notify,
  StatusBadgeComponent,
} from "@uslimato/web-ui";
import { map } from "rxjs";
import { AssetFormDialogComponent } from "./asset-form-dialog.component.ts";
import { AssetStatusComponent } from "./asset-status-chip.component.ts";
import { AssetsApi } from "./assets-api.ts";
import { MovementDialogComponent } from "./movement-dialog.component.ts";
import type { Asset, AssetTicket, Movement } from "./types.ts";

type Tab = "overview" | "movements" | "tickets";

/** Why a deletion was refused: the server's sentence and the ticket numbers that block it. */
interface Blocked {
  message: string;
  tickets: string[];
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * `/assets/:id`: the asset, its history as real tabs ("Overview", "Movements" and, with ITSM and
 * asset_integration, "Tickets"; the tab is kept in the address as ?tab=), "Report issue" (the New
 * ticket dialog of the agent portal, or of the desk for users without it, with the asset linked),
 * edit, record a movement, delete (refused while open tickets refer to it: the refusal lists them).
 */
@Component({
  selector: "us-asset-page",
  imports: [
    AssetStatusComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    MatButton,
    MatIcon,
    MatTab,
    MatTabGroup,
    RouterLink,
    StatusBadgeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="/assets" class="back"><mat-icon aria-hidden="true">arrow_back</mat-icon>All assets</a>
    @if (asset(); as a) {
      <header class="head">
        <div class="title">
          <h1>{{ a.name }}</h1>
          <div class="meta">
            <code class="tag">{{ a.asset_tag }}</code>
            <us-asset-status [status]="a.status" />
            <span class="ui-muted">{{ a.category }}</span>
          </div>
        </div>
        <div class="actions">
          @if (canReport()) {
            <button mat-flat-button type="button" (click)="reportIssue()"><mat-icon>report</mat-icon>Report issue</button>
          }
          @if (canManage()) {
            <button mat-stroked-button type="button" (click)="edit()"><mat-icon>edit</mat-icon>Edit</button>
            <button mat-stroked-button type="button" class="ui-danger" (click)="remove()" [disabled]="deleting()">
              <mat-icon>delete</mat-icon>{{ deleting() ? "Deleting…" : "Delete" }}
            </button>
          }
        </div>
      </header>

      @if (blocked(); as b) {
        <div class="notice notice--failed" role="alert">
          <strong>Could not delete the asset.</strong>
          <span>{{ b.message }}</span>
          @if (b.tickets.length > 0 && ticketsArea()) {
            <span class="blocking">
              @for (n of b.tickets; track n) {
                <a [routerLink]="['/tickets', n]">{{ n }}</a>
              }
            </span>
          }
        </div>
      }

      <mat-tab-group [selectedIndex]="tabIndex()" (selectedIndexChange)="showTab($event)" mat-stretch-tabs="false"
        animationDuration="0ms" aria-label="Asset history">
        <mat-tab label="Overview">
          <section class="panel">
            <dl class="fields">
              <div><dt>Asset tag</dt><dd><code>{{ a.asset_tag }}</code></dd></div>
              <div><dt>Category</dt><dd>{{ a.category }}</dd></div>
              <div><dt>Status</dt><dd><us-asset-status [status]="a.status" /></dd></div>
              <div><dt>Location</dt><dd>{{ a.location || "—" }}</dd></div>
              <div>
                <dt>Assigned to</dt>
                <dd>
                  @if (a.assignee; as p) {
                    {{ p.name }} <span class="ui-muted email">{{ p.email }}</span>
                  } @else {
                    Nobody
                  }
                </dd>
              </div>
              <div><dt>Added</dt><dd><time [attr.datetime]="a.created_at">{{ when(a.created_at) }}</time></dd></div>
              <div><dt>Last changed</dt><dd><time [attr.datetime]="a.updated_at">{{ when(a.updated_at) }}</time></dd></div>
            </dl>
            <h2 class="sub">Notes</h2>
            <p class="notes">{{ a.notes || "No notes." }}</p>
          </section>
        </mat-tab>

        <mat-tab label="Movements">
          <section class="panel">
            <div class="panel__head">
              <p class="ui-muted">Where the asset went and who had it, newest first.</p>
              @if (canManage()) {
                <button mat-stroked-button type="button" (click)="recordMovement()"><mat-icon>local_shipping</mat-icon>Record movement</button>
              }
            </div>
            @if (movements(); as list) {
              @if (list.length > 0) {
                <ol class="moves">
                  @for (m of list; track m.id) {
                    <li class="move">
                      <time class="move__when" [attr.datetime]="m.moved_at">{{ when(m.moved_at) }}</time>
                      <div class="move__what">
                        @if (m.from_location !== m.to_location) {
                          <span>{{ m.from_location || "No location" }} <span aria-hidden="true"> → </span><span class="ui-sr-only">to</span> <strong>{{ m.to_location || "No location" }}</strong></span>
                        }
                        @if ((m.from_person?.id ?? null) !== (m.to_person?.id ?? null)) {
                          <span>{{ m.from_person?.name ?? "Nobody" }} <span aria-hidden="true"> → </span><span class="ui-sr-only">to</span> <strong>{{ m.to_person?.name ?? "Nobody" }}</strong></span>
                        }
                        @if (m.note) {
                          <span class="ui-muted">“{{ m.note }}”</span>
                        }
                        @if (m.tickets && m.tickets.length > 0) {
                          <span class="linked">Linked tickets:
                            @for (t of m.tickets; track t.id) {
                              @if (ticketsArea()) {
                                <a [routerLink]="['/tickets', t.number]">{{ t.number }}</a>
                              } @else {
                                <span>{{ t.number }}</span>
                              }
                              <ui-status-badge [status]="t.status" />
                            }
                          </span>
                        }
                      </div>
                      <span class="move__by ui-muted">{{ m.recorded_by ? "Recorded by " + m.recorded_by.name : "" }}</span>
                    </li>
                  }
                </ol>
              } @else {
                <p class="empty ui-muted">No movements recorded yet.</p>
              }
            } @else if (movementsError()) {
              <ui-error-state [error]="movementsError()" title="Could not load the movements" (retry)="loadMovements()" />
            } @else {
              <ui-loading-state label="Loading the movements…" />
            }
          </section>
        </mat-tab>

        @if (ticketsTab()) {
          <mat-tab label="Tickets">
            <section class="panel">
              <div class="panel__head">
                <p class="ui-muted">Every ticket about this asset, open ones first.@if (!ticketsArea()) { Titles show for the tickets you reported.}</p>
              </div>
              @if (tickets(); as list) {
                @if (list.length > 0) {
                  <ul class="tickets">
                    @for (t of list; track t.id) {
                      <li class="ticket" [class.ticket--done]="t.status === 'closed' || t.status === 'cancelled'">
                        @if (ticketLink(t); as link) {
                          <a class="ticket__number" [routerLink]="link">{{ t.number }}</a>
                        } @else {
                          <span class="ticket__number">{{ t.number }}</span>
                        }
                        @if (t.title !== null) {
                          <span class="ticket__title">{{ t.title }}</span>
                        } @else {
                          <span class="ticket__title ui-muted">Reported by someone else</span>
                        }
                        <ui-status-badge [status]="t.status" />
                        <time class="ui-muted" [attr.datetime]="t.created_at">{{ when(t.created_at) }}</time>
                      </li>
                    }
                  </ul>
                } @else {
                  <p class="empty ui-muted">No tickets about this asset yet.@if (canReport()) { Use “Report issue” when something is wrong with it.}</p>
                }
              } @else if (ticketsError()) {
                <ui-error-state [error]="ticketsError()" title="Could not load the tickets" (retry)="loadTickets()" />
              } @else {
                <ui-loading-state label="Loading the tickets…" />
              }
            </section>
          </mat-tab>
        }
      </mat-tab-group>
    } @else if (error(); as e) {
      <ui-error-state [error]="e" [title]="notFound() ? 'This asset does not exist' : 'Could not load the asset'" (retry)="load()" />
    } @else {
      <ui-loading-state label="Loading the asset…" />
    }
  `,
  styleUrl: "./asset-page.component.scss",
})
export class AssetPageComponent {
  /** The route's :id. */
  readonly id = input.required<string>();

  private readonly api = inject(AssetsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly title = inject(Title);
  private readonly session = inject(SessionStore);

  protected readonly asset = signal<Asset | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly movements = signal<Movement[] | null>(null);
  protected readonly movementsError = signal<unknown>(null);
  protected readonly tickets = signal<AssetTicket[] | null>(null);
  protected readonly ticketsError = signal<unknown>(null);
  protected readonly blocked = signal<Blocked | null>(null);
  protected readonly deleting = signal(false);
  protected readonly notFound = computed(() => {
    const status = problemOf(this.error()).status;
    return status === 404 || status === 422;
  });

  protected readonly canManage = computed(() => this.session.can("assets:manage"));
  /** The ITSM side of the page: licensed and asset_integration on. */
  protected readonly ticketsTab = computed(
    () => this.session.session()?.itsmLicensed === true && this.session.flagOn("asset_integration"),
  );
  protected readonly ticketsArea = computed(() => {
    const s = this.session.session();
    return !!s && AREAS.tickets(s);
  });
  private readonly deskArea = computed(() => {
    const s = this.session.session();
    return !!s && AREAS.desk(s);
  });
  /** Where a row of the Tickets tab leads: the agent portal, the desk for one's own ticket, or nowhere. */
  protected ticketLink(t: AssetTicket): string[] | null {
    if (this.ticketsArea()) return ["/tickets", t.number];
    if (t.readable && this.deskArea()) return ["/desk/tickets", t.number];
    return null;
  }

  /** "Report issue": asset_integration on and the user may file tickets (agent portal or desk). */
  protected readonly canReport = computed(() => this.ticketsTab() && (this.ticketsArea() || this.deskArea()));

  private readonly tabs = computed<Tab[]>(() =>
    this.ticketsTab() ? ["overview", "movements", "tickets"] : ["overview", "movements"],
  );
  private readonly tab = toSignal(this.route.queryParamMap.pipe(map((p) => p.get("tab"))), {
    initialValue: null,
  });
  protected readonly tabIndex = computed(() => Math.max(0, this.tabs().indexOf(this.tab() as Tab)));

  protected readonly when = (iso: string) => dateTime.format(new Date(iso));

  constructor() {
    effect(() => {
      this.id();
      untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    const id = this.id();
    this.error.set(null);
    this.blocked.set(null);
    try {
      const asset = await this.api.get(id);
      this.asset.set(asset);
      this.title.setTitle(`${asset.name} · Assets · Uslimato`);
    } catch (err) {
      this.asset.set(null);
      this.error.set(err);
      return;
    }
    void this.loadMovements();
    if (this.ticketsTab()) void this.loadTickets();
  }

  async loadMovements(): Promise<void> {
    this.movementsError.set(null);
    try {
      this.movements.set(await this.api.movements(this.id()));
    } catch (err) {
      this.movements.set(null);
      this.movementsError.set(err);
    }
  }

  async loadTickets(): Promise<void> {
    this.ticketsError.set(null);
    try {
      this.tickets.set(await this.api.tickets(this.id()));
    } catch (err) {
      this.tickets.set(null);
      this.ticketsError.set(err);
    }
  }

  protected showTab(index: number): void {
    const tab = this.tabs()[index] ?? "overview";
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tab: tab === "overview" ? null : tab },
      replaceUrl: true,
    });
  }

  /** Opens the portal's own "New ticket" dialog (loaded on demand) with this asset linked. */
  protected async reportIssue(): Promise<void> {
    const a = this.asset();
    if (!a) return;
    const data = { asset: { id: a.id, name: a.name, asset_tag: a.asset_tag } };
    const options = { width: "640px", maxWidth: "calc(100vw - 32px)", data };
    const ref = this.ticketsArea()
      ? this.dialog.open((await import("@uslimato/web-tickets")).NewTicketDialogComponent, options)
      : this.dialog.open((await import("@uslimato/web-desk")).DeskNewTicketDialogComponent, options);
    ref.afterClosed().subscribe((ticket?: { number: string }) => {
      if (!ticket) return;
      this.notify.done(`${ticket.number} created for ${a.asset_tag}.`);
      void this.loadTickets();
      this.showTab(this.tabs().indexOf("tickets"));
    });
  }

  protected edit(): void {
    const asset = this.asset();
    if (!asset) return;
    this.dialog
      .open(AssetFormDialogComponent, { width: "560px", maxWidth: "calc(100vw - 32px)", data: { asset } })
      .afterClosed()
      .subscribe((saved?: Asset) => {
        if (!saved) return;
        this.asset.set(saved);
        this.title.setTitle(`${saved.name} · Assets · Uslimato`);
        this.notify.done("Asset saved.");
      });
  }

  protected recordMovement(): void {
    const asset = this.asset();
    if (!asset) return;
    this.dialog
      .open(MovementDialogComponent, { width: "560px", maxWidth: "calc(100vw - 32px)", data: { asset } })
      .afterClosed()
      .subscribe((movement?: Movement) => {
        if (!movement) return;
        this.notify.done("Movement recorded.");
        void this.load();
      });
  }

  protected async remove(): Promise<void> {
    const asset = this.asset();
    if (!asset) return;
    const confirmed = await confirmAction(this.dialog, {
      title: `Delete ${asset.asset_tag}?`,
      message: `“${asset.name}” and its movements will be deleted. Tickets about it keep its name and tag.`,
      confirmLabel: "Delete asset",
      danger: true,
    });
    if (!confirmed) return;
    this.deleting.set(true);
    this.blocked.set(null);
    try {
      await this.api.remove(asset.id);
      this.notify.done(`Asset ${asset.asset_tag} deleted.`);
      await this.router.navigate(["/assets"]);
    } catch (err) {
      const problem = problemOf(err);
      if (problem.status === 409) {
        const tickets = Array.isArray(problem.body?.tickets) ? (problem.body.tickets as string[]) : [];
        this.blocked.set({ message: problem.detail ?? problem.title, tickets });
        if (this.ticketsTab()) void this.loadTickets();
      } else {
        this.notify.failed("Could not delete the asset", err);
      }
    } finally {
      this.deleting.set(false);
    }
  }
}
