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
import { MatDialog } from "@angular/material/dialog";
import { MatFormField, MatLabel, MatPrefix } from "@angular/material/form-field";
import { MatIcon } from "@angular/material/icon";
import { MatInput } from "@angular/material/input";
import { ActivatedRoute, type ParamMap, Router, RouterLink } from "@angular/router";
import { SessionStore } from "@uslimato/web-data-access";
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  Notify,
  PageHeaderComponent,
} from "@uslimato/web-ui";
import { map } from "rxjs";
import { AssetFormDialogComponent } from "./asset-form-dialog.component.ts";
import { AssetStatusComponent } from "./asset-status-chip.component.ts";
import { ASSET_PAGE_SIZE, AssetsApi } from "./assets-api.ts";
import {
  ASSET_STATUS_LABEL,
  ASSET_STATUSES,
  type Asset,
  type AssetFacets,
  type AssetFilters,
  type AssetStatus,
} from "./types.ts";

const NO_FILTERS: AssetFilters = { q: "", category: "", location: "", status: "" };

function filtersFrom(params: ParamMap): AssetFilters {
  const status = params.get("status") ?? "";
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? "",
    location: params.get("location") ?? "",
    status: (ASSET_STATUSES as readonly string[]).includes(status) ? (status as AssetStatus) : "",
  };
}

/**
 * `/assets`: search and filters (kept in the address, so a filtered list can be shared or reloaded),
 * pages of 25 with keyset cursors ("Next" carries the server's cursor, "Previous" goes back through the
 * cursors already seen), and "New asset" for assets:manage.
 */
@Component({
  selector: "us-asset-list-page",
  imports: [
    AssetStatusComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatPrefix,
    PageHeaderComponent,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header title="Assets" subtitle="Hardware, software and everything else your organisation tracks.">
      @if (canManage()) {
        <button mat-flat-button type="button" (click)="newAsset()"><mat-icon>add</mat-icon>New asset</button>
      }
    </ui-page-header>

    <div class="filters" role="search" aria-label="Assets">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
        <mat-label>Search</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input matInput type="search" [value]="search()" (input)="typed(value($event))" (keydown.enter)="searchNow()"
          placeholder="Name or asset tag" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Category</mat-label>
        <select matNativeControl (change)="set({ category: value($event) })">
          <option value="" [selected]="!filters().category">Any category</option>
          @for (c of categories(); track c) {
            <option [value]="c" [selected]="c === filters().category">{{ c }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Location</mat-label>
        <select matNativeControl (change)="set({ location: value($event) })">
          <option value="" [selected]="!filters().location">Any location</option>
          @for (l of locations(); track l) {
            <option [value]="l" [selected]="l === filters().location">{{ l }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <select matNativeControl (change)="set({ status: $any(value($event)) })">
          <option value="" [selected]="!filters().status">Any status</option>
          @for (s of statuses; track s) {
            <option [value]="s" [selected]="s === filters().status">{{ statusLabel[s] }}</option>
          }
        </select>
      </mat-form-field>
    </div>

    <section aria-label="Asset list" [attr.aria-busy]="loading()">
      @if (page(); as assets) {
        @if (assets.length > 0) {
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Asset tag</th>
                  <th scope="col">Category</th>
                  <th scope="col">Location</th>
                  <th scope="col">Status</th>
                  <th scope="col">Assigned to</th>
                </tr>
              </thead>
              <tbody>
                @for (a of assets; track a.id) {
                  <tr>
                    <td data-label="Name" class="wrap"><a class="name" [routerLink]="['/assets', a.id]">{{ a.name }}</a></td>
                    <td data-label="Asset tag"><code>{{ a.asset_tag }}</code></td>
                    <td data-label="Category" class="wrap">{{ a.category }}</td>
                    <td data-label="Location" class="wrap">{{ a.location || "—" }}</td>
                    <td data-label="Status"><us-asset-status [status]="a.status" /></td>
                    <td data-label="Assigned to" class="wrap">{{ a.assignee?.name ?? "Nobody" }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label="Pages of assets">
            <span class="ui-muted">Page {{ pageNumber() }} · {{ rangeText() }}</span>
            <span class="pager__buttons">
              <button mat-stroked-button type="button" (click)="previous()" [disabled]="pageNumber() === 1 || loading()">
                <mat-icon>chevron_left</mat-icon>Previous
              </button>
              <button mat-stroked-button type="button" (click)="next()" [disabled]="!nextCursor() || loading()">
                Next<mat-icon iconPositionEnd>chevron_right</mat-icon>
              </button>
            </span>
          </nav>
        } @else {
          <ui-empty-state icon="devices"
            [title]="filtered() ? 'No assets match these filters' : 'No assets yet'"
            [message]="filtered() ? 'Change the search or the filters.' : canManage() ? 'Add the first one with “New asset”.' : 'Assets your organisation adds will be listed here.'">
            @if (filtered()) {
              <button mat-button type="button" (click)="reset()">Show all assets</button>
            }
          </ui-empty-state>
        }
      } @else if (error()) {
        <ui-error-state [error]="error()" title="Could not load the assets" (retry)="load()" />
      } @else {
        <ui-loading-state label="Loading the assets…" />
      }
    </section>
  `,
  styles: `
    @use "web/ui/src/styles/table";
    :host { display: flex; flex-direction: column; gap: 16px; }
    .filters { display: grid; grid-template-columns: minmax(220px, 2fr) repeat(3, minmax(150px, 1fr)); gap: 12px; }
    @media (max-width: 899.98px) { .filters { grid-template-columns: 1fr 1fr; } .search { grid-column: 1 / -1; } }
    @media (max-width: 599.98px) { .filters { grid-template-columns: 1fr; } }
    .name { font-weight: 600; color: var(--ui-brand); text-decoration: none; }
    .name:hover, .name:focus-visible { text-decoration: underline; }
    code { font-size: 0.8125rem; }
    .pager { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
    .pager__buttons { display: flex; gap: 8px; }
  `,
})
export class AssetListPageComponent {
  private readonly api = inject(AssetsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly session = inject(SessionStore);

  protected readonly statuses = ASSET_STATUSES;
  protected readonly statusLabel = ASSET_STATUS_LABEL;
  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFrom)), {
    initialValue: NO_FILTERS,
  });
  protected readonly filtered = computed(() => JSON.stringify(this.filters()) !== JSON.stringify(NO_FILTERS));
  protected readonly canManage = computed(() => this.session.can("assets:manage"));
  protected readonly search = signal("");
  protected readonly page = signal<Asset[] | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  private readonly facets = signal<AssetFacets>({ categories: [], locations: [] });
  /** The cursors of the pages before this one: [null] on the first page. */
  private readonly cursors = signal<(string | null)[]>([null]);
  protected readonly pageNumber = computed(() => this.cursors().length);
  protected readonly rangeText = computed(() => {
    const first = (this.pageNumber() - 1) * ASSET_PAGE_SIZE + 1;
    const shown = this.page()?.length ?? 0;
    return shown === 1 ? `asset ${first}` : `assets ${first}–${first + shown - 1}`;
  });
  /** A filter's chosen value stays offered even when no asset uses it any more. */
  protected readonly categories = computed(() =>
    withChosen(this.facets().categories, this.filters().category),
  );
  protected readonly locations = computed(() => withChosen(this.facets().locations, this.filters().location));
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private requestId = 0;

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        this.search.set(filters.q);
        this.cursors.set([null]);
        void this.load();
      });
    });
    this.loadFacets();
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected typed(text: string): void {
    this.search.set(text);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.searchNow(), 300);
  }

  protected searchNow(): void {
    clearTimeout(this.searchTimer);
    if (this.search().trim() !== this.filters().q.trim()) this.set({ q: this.search().trim() });
  }

  /** Applies a filter change, with the search as typed so far (a pending search is not lost). */
  protected set(change: Partial<AssetFilters>): void {
    clearTimeout(this.searchTimer);
    const next = { ...this.filters(), q: this.search().trim(), ...change };
    const queryParams = Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v || null]));
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl: true });
  }

  protected reset(): void {
    this.search.set("");
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected next(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.cursors.update((c) => [...c, cursor]);
    void this.load();
  }

  protected previous(): void {
    if (this.cursors().length < 2) return;
    this.cursors.update((c) => c.slice(0, -1));
    void this.load();
  }

  /** Loads the current page; an answer to an older request (filters changed meanwhile) is dropped. */
  async load(): Promise<void> {
    const id = ++this.requestId;
    const cursor = this.cursors().at(-1) ?? null;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(this.filters(), cursor);
      if (id !== this.requestId) return;
      this.page.set(page.data);
      this.nextCursor.set(page.next_cursor);
    } catch (err) {
      if (id !== this.requestId) return;
      this.page.set(null);
      this.error.set(err);
    } finally {
      if (id === this.requestId) this.loading.set(false);
    }
  }

  private loadFacets(): void {
    this.api.facets().then(
      (f) => this.facets.set(f),
      () => undefined, // the filters then offer only "Any …"; the list itself reports its own failure
    );
  }

  protected newAsset(): void {
    this.dialog
      .open(AssetFormDialogComponent, { width: "560px", maxWidth: "calc(100vw - 32px)", data: {} })
      .afterClosed()
      .subscribe((asset?: Asset) => {
        if (!asset) return;
        this.notify.done(`Asset ${asset.asset_tag} created.`);
        void this.router.navigate(["/assets", asset.id]);
      });
  }
}

function withChosen(values: string[], chosen: string): string[] {
  return chosen && !values.includes(chosen) ? [chosen, ...values] : values;
}
