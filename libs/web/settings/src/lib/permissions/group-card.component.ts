import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { problemOf } from "@uslimato/web-data-access";
import { confirmAction, Notify } from "@uslimato/web-ui";
import { SettingsApi } from "../settings-api.ts";
import type { Group, PermissionInfo, User } from "../types.ts";
import { GroupMembersComponent } from "./group-members.component.ts";
import { PermissionChecklistComponent } from "./permission-checklist.component.ts";
import { RenameGroupDialogComponent } from "./rename-group-dialog.component.ts";

const SYSTEM_NOTES: Record<string, string> = {
  administrators: "Created with the workspace. It cannot be renamed or deleted.",
  itsm_agent: "Created with the ITSM license: the service desk agents. It cannot be renamed or deleted.",
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * One group: its permissions (saved on each tick) and members. A refused change shows the server's
 * message under the checklist and the checklist falls back to what the server holds.
 */
@Component({
  selector: "us-group-card",
  imports: [MatButtonModule, PermissionChecklistComponent, GroupMembersComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: "region", "[attr.aria-labelledby]": "headingId" },
  template: `
    <div class="top">
      <div class="heading">
        <div class="title-row">
          <h2 class="title" [id]="headingId">{{ group().name }}</h2>
          @if (group().systemKey) {
            <span class="badge">System</span>
          }
        </div>
        <p class="meta">{{ meta() }}</p>
      </div>
      @if (!group().systemKey) {
        <div class="actions">
          <button matButton="outlined" type="button" [attr.aria-label]="'Rename ' + group().name" (click)="rename()">
            Rename
          </button>
          <button matButton type="button" class="danger" [attr.aria-label]="'Delete ' + group().name" (click)="remove()">
            Delete
          </button>
        </div>
      }
    </div>
    <div class="columns">
      <section [attr.aria-labelledby]="headingId + '-permissions'">
        <h3 class="sub" [id]="headingId + '-permissions'">Permissions</h3>
        <us-permission-checklist
          [catalogue]="catalogue()"
          [value]="permissions()"
          [disabled]="saving()"
          [itsmNote]="itsmNote()"
          (valueChange)="savePermissions($event)"
        />
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
      </section>
      <section [attr.aria-labelledby]="headingId + '-members'">
        <h3 class="sub" [id]="headingId + '-members'">Members</h3>
        <us-group-members [group]="group()" [users]="users()" (changed)="changed.emit($event)" />
      </section>
    </div>
  `,
  styles: `
    :host { display: block; padding: 20px; border-radius: 16px; background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant); }
    .top { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px 16px; }
    .heading { min-width: 0; }
    .title-row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .title { margin: 0; font: var(--mat-sys-title-large); font-weight: 600; overflow-wrap: anywhere; }
    .badge { font-size: 0.75rem; font-weight: 600; padding: 2px 8px; border-radius: 999px;
      background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .meta { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .actions { display: flex; gap: 8px; align-items: flex-start; }
    .danger { --mat-button-text-label-text-color: var(--mat-sys-error); }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; margin-top: 16px; }
    @media (min-width: 1100px) { .columns { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
    .sub { margin: 0 0 8px; font: var(--mat-sys-title-small); font-weight: 600; }
    .failure { margin: 12px 0 0; color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class GroupCardComponent {
  private static next = 0;
  private readonly api = inject(SettingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  readonly group = input.required<Group>();
  readonly catalogue = input.required<PermissionInfo[]>();
  readonly users = input.required<User[]>();
  readonly itsmNote = input<string | null>(null);
  /** The group as saved, or null when the directory must be re-read (a refusal, a deletion). */
  readonly changed = output<Group | null>();

  protected readonly headingId = `group-${GroupCardComponent.next++}`;
  /** What the checklist shows while a change is on its way to the server. */
  private readonly pending = signal<string[] | null>(null);
  protected readonly permissions = computed(() => this.pending() ?? this.group().permissions);
  protected readonly saving = computed(() => this.pending() !== null);
  protected readonly failure = signal<string | null>(null);

  protected readonly meta = computed(() => {
    const g = this.group();
    const note = g.systemKey ? ` · ${SYSTEM_NOTES[g.systemKey] ?? ""}` : "";
    return `${plural(g.members.length, "member")} · ${plural(g.permissions.length, "permission")}${note}`;
  });

  protected async savePermissions(next: string[]): Promise<void> {
    this.pending.set(next);
    this.failure.set(null);
    try {
      this.changed.emit(await this.api.updateGroup(this.group().id, { permissions: next }));
    } catch (error) {
      const p = problemOf(error);
      this.failure.set(p.detail || p.title);
      this.changed.emit(null);
    } finally {
      this.pending.set(null);
    }
  }

  protected rename(): void {
    this.dialog
      .open(RenameGroupDialogComponent, {
        data: this.group(),
        width: "440px",
        maxWidth: "calc(100vw - 32px)",
      })
      .afterClosed()
      .subscribe((saved?: Group) => {
        if (saved) this.changed.emit(saved);
      });
  }

  protected async remove(): Promise<void> {
    const g = this.group();
    const n = g.members.length;
    const consequence =
      n === 0
        ? "The group has no members."
        : `${n === 1 ? "Its member loses" : `Its ${n} members lose`} the permissions this group grants.`;
    const confirmed = await confirmAction(this.dialog, {
      title: `Delete ${g.name}?`,
      message: `${consequence} This cannot be undone.`,
      confirmLabel: "Delete group",
      danger: true,
    });
    if (!confirmed) return;
    try {
      await this.api.deleteGroup(g.id);
      this.notify.done(`The group ${g.name} was deleted.`);
    } catch (error) {
      this.notify.failed(`Could not delete ${g.name}`, error);
    }
    this.changed.emit(null);
  }
}
