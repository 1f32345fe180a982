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
import { MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { RouterLink } from "@angular/router";
import { FINAL_STATUSES } from "@uslimato/domain";
import { SessionStore } from "@uslimato/web-data-access";
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
import { assetText, formatDateTime, movementLabel } from "../common/history-words.ts";
import { assetPageLink } from "../common/ticket-page-parts.ts";
import { TicketsApi } from "../common/tickets-api.ts";
import type { AssetMovement, Ticket } from "../common/types.ts";
import { TicketStore } from "./ticket.store.ts";

/**
 * The ticket's fields; type and priority are changed by choosing (sent at once) until it is final. The
 * asset it concerns (a link to its page for users of the assets area) and, with movement_link, the
 * movement of that asset it is linked to, chosen from the asset's movements.
 */
@Component({
  selector: "us-ticket-details",
  imports: [
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    PriorityBadgeComponent,
    RouterLink,
    StatusBadgeComponent,
  ],
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
      @if (ticket().asset; as a) {
        <dl>
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
          @if (showMovement() && !canLink()) {
            <div>
              <dt>Movement</dt>
              <dd>{{ ticket().movement ? movementText(ticket().movement!) : "Not linked" }}</dd>
            </div>
          }
        </dl>
        @if (canLink()) {
          <div class="edits">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Linked movement</mat-label>
              <select matNativeControl [disabled]="!!store.busy() || movements() === null"
                (change)="link($any($event.target))">
                <option value="" [selected]="!ticket().movement_id">Not linked</option>
                @for (m of movementOptions(); track m.id) {
                  <option [value]="m.id" [selected]="m.id === ticket().movement_id">{{ m.label }}</option>
                }
              </select>
              @if (movementsError()) {
                <mat-hint>Could not load the asset's movements.</mat-hint>
              } @else if (movements() === null) {
                <mat-hint>Loading the asset's movements…</mat-hint>
              } @else if (movements()!.length === 0) {
                <mat-hint>No movements recorded for this asset.</mat-hint>
              }
            </mat-form-field>
          </div>
        }
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
    .edits:last-child { margin-bottom: 0; }
    .email { display: block; font-size: 0.8125rem; overflow-wrap: anywhere; }
    dd a { overflow-wrap: anywhere; }
  `,
})
export class TicketDetailsComponent {
  readonly ticket = input.required<Ticket>();
  protected readonly store = inject(TicketStore);
  private readonly session = inject(SessionStore);
  private readonly api = inject(TicketsApi);
  protected readonly final = computed(() => FINAL_STATUSES.has(this.ticket().status));
  protected readonly assetText = assetText;
  protected readonly movementText = movementLabel;

  /** `/assets/<id>` for users of the assets area; a deleted asset has no page. */
  protected readonly assetLink = computed(() => assetPageLink(this.ticket().asset, this.session.session()));
  protected readonly showMovement = computed(() => {
    const asset = this.ticket().asset;
    return asset !== null && !asset.deleted && this.session.flagOn("movement_link");
  });
  protected readonly canLink = computed(
    () =>
      this.showMovement() &&
      !this.final() &&
      this.session.can("tickets:manage") &&
      this.session.can("assets:read"),
  );
  /** The asset whose movements are offered (null: none offered); changes only with the asset. */
  private readonly linkAsset = computed(() => (this.canLink() ? (this.ticket().asset?.id ?? null) : null));
  protected readonly movements = signal<AssetMovement[] | null>(null);
  protected readonly movementsError = signal<unknown>(null);
  /** The asset's movements; the linked one stays listed while they load or when they could not be read. */
  protected readonly movementOptions = computed(() => {
    const listed = (this.movements() ?? []).map((m) => ({ id: m.id, label: movementLabel(m) }));
    const linked = this.ticket().movement;
    return linked && !listed.some((m) => m.id === linked.id)
      ? [{ id: linked.id, label: movementLabel(linked) }, ...listed]
      : listed;
  });
  protected readonly types = TICKET_TYPES;
  protected readonly typeLabel = TYPE_LABEL;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly date = formatDateTime;

  constructor() {
    effect(() => {
      const assetId = this.linkAsset();
      untracked(() => void this.loadMovements(assetId));
    });
  }

  private async loadMovements(assetId: string | null): Promise<void> {
    this.movements.set(null);
    this.movementsError.set(null);
    if (!assetId) return;
    try {
      const list = await this.api.assetMovements(assetId);
      if (this.linkAsset() === assetId) this.movements.set(list);
    } catch (err) {
      if (this.linkAsset() !== assetId) return;
      this.movements.set([]);
      this.movementsError.set(err);
    }
  }

  protected async link(select: HTMLSelectElement): Promise<void> {
    await this.store.linkMovement(select.value || null);
    // A refused choice leaves the options' [selected] bindings unchanged: show the server's link again.
    select.value = this.ticket().movement_id ?? "";
  }

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
