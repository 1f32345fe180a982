import { ChangeDetectionStrategy, Component, computed, Injector, inject, input, signal } from "@angular/core";
import { MatButton } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { MatFormField, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { allowedTargets, type Status } from "@uslimato/domain";
import { SessionStore } from "@uslimato/web-data-access";
import { STATUS_LABEL } from "@uslimato/web-ui";
import { TicketsApi } from "../common/tickets-api.ts";
import type { Person, Ticket } from "../common/types.ts";
import { CancelTicketDialogComponent } from "./cancel-ticket-dialog.component.ts";
import { EditTicketDialogComponent } from "./edit-ticket-dialog.component.ts";
import { TicketStore } from "./ticket.store.ts";

const MOVE_LABEL: Partial<Record<Status, string>> = {
  resolved: "Resolve",
  closed: "Close",
  cancelled: "Cancel ticket",
};

export function moveLabel(from: Status, to: Status): string {
  if (to === "in_progress") return from === "resolved" ? "Reopen" : "Start work";
  return MOVE_LABEL[to] ?? STATUS_LABEL[to];
}

/** "Work on this ticket": pick up, assignee, the status moves this agent may make, edit. */
@Component({
  selector: "us-ticket-actions",
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ui-card" aria-labelledby="ticket-actions">
      <h2 id="ticket-actions">Work on this ticket</h2>
      @if (canPickUp()) {
        <button mat-flat-button type="button" class="wide" [disabled]="!!store.busy()" (click)="pickUp()">
          {{ store.busy() === "pick-up" ? "Picking up…" : "Pick up" }}
        </button>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Assignee</mat-label>
        <select matNativeControl [disabled]="!!store.busy() || agents() === null"
          (change)="assign($any($event.target).value)">
          <option value="" [selected]="!ticket().assignee">Unassigned</option>
          @for (a of assigneeOptions(); track a.id) {
            <option [value]="a.id" [selected]="a.id === ticket().assignee?.id">{{ a.label }}</option>
          }
        </select>
      </mat-form-field>
      @if (moves().length > 0) {
        <p class="label">Change status</p>
        <div class="moves">
          @for (to of moves(); track to) {
            <button mat-flat-button type="button" [class]="'move move--' + to" [disabled]="!!store.busy()" (click)="move(to)">
              {{ store.busy() === to ? "Saving…" : label(to) }}
            </button>
          }
        </div>
      } @else {
        <p class="ui-muted">No status change is available to you right now.</p>
      }
      <button mat-button type="button" class="edit" (click)="edit()">Edit title and description</button>
    </section>
  `,
  styles: `
    section { display: flex; flex-direction: column; gap: 12px; }
    h2 { margin: 0; font-size: 1rem; }
    .wide { width: 100%; }
    .label { margin: 4px 0 -4px; font-size: 0.875rem; font-weight: 550; }
    .moves { display: flex; flex-wrap: wrap; gap: 8px; }
    .move--resolved { --mat-button-filled-container-color: #0b6b50; }
    .move--closed { --mat-button-filled-container-color: #2b2f3a; }
    .move--in_progress { --mat-button-filled-container-color: #e3e6fb; --mat-button-filled-label-text-color: #141b5c; }
    .move--cancelled { --mat-button-filled-container-color: #fdecec; --mat-button-filled-label-text-color: #8a1c1c; }
    .edit { align-self: flex-start; }
  `,
})
export class TicketActionsComponent {
  readonly ticket = input.required<Ticket>();
  protected readonly store = inject(TicketStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  // Dialogs reach this page's TicketStore through it.
  private readonly injector = inject(Injector);
  protected readonly agents = signal<Person[] | null>(null);

  private readonly me = computed(() => this.session.session()?.user.id ?? "");
  protected readonly canPickUp = computed(() => {
    const t = this.ticket();
    return t.assignee?.id !== this.me() && (t.assignee === null || t.status === "open");
  });
  /** Only the moves the shared transition table allows this session (the server still decides). */
  protected readonly moves = computed(() =>
    allowedTargets(this.ticket().status, {
      permissions: this.session.permissions(),
      isReporter: this.ticket().reporter.id === this.me(),
    }),
  );
  protected readonly assigneeOptions = computed(() => {
    const t = this.ticket();
    const agents = this.agents() ?? [];
    const current = t.assignee && !agents.some((a) => a.id === t.assignee?.id) ? [t.assignee] : [];
    return [...current, ...agents].map((a) => ({
      id: a.id,
      label: a.id === this.me() ? `${a.name} (me)` : a.name,
    }));
  });

  constructor() {
    void inject(TicketsApi)
      .agents()
      .then(
        (a) => this.agents.set(a),
        () => this.agents.set([]),
      );
  }

  protected label(to: Status): string {
    return moveLabel(this.ticket().status, to);
  }

  protected pickUp(): void {
    void this.store.change(
      { assignee_id: this.me() },
      { success: `You picked up ${this.ticket().number}`, failure: "Could not pick up the ticket" },
      "pick-up",
    );
  }

  protected assign(id: string): void {
    const name = this.agents()?.find((a) => a.id === id)?.name;
    void this.store.change(
      { assignee_id: id || null },
      {
        success: id ? `Assigned to ${name ?? "the agent"}` : "Unassigned",
        failure: "Could not change the assignee",
      },
      "assignee",
    );
  }

  protected move(to: Status): void {
    const t = this.ticket();
    if (to === "cancelled") {
      this.dialog.open(CancelTicketDialogComponent, {
        data: t,
        injector: this.injector,
        width: "min(480px, calc(100vw - 24px))",
      });
      return;
    }
    void this.store.change(
      { status: to },
      {
        success: `${t.number} is now ${STATUS_LABEL[to].toLowerCase()}`,
        failure: `Could not ${moveLabel(t.status, to).toLowerCase()} the ticket`,
      },
      to,
    );
  }

  protected edit(): void {
    this.dialog.open(EditTicketDialogComponent, {
      data: this.ticket(),
      injector: this.injector,
      width: "min(640px, calc(100vw - 24px))",
    });
  }
}
