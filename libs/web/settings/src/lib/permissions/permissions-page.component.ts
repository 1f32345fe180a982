import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed, inject } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { SessionStore } from "@uslimato/web-data-access";
import { ErrorStateComponent, LoadingStateComponent, Notify, PageHeaderComponent } from "@uslimato/web-ui";
import type { Group, PermissionInfo, User } from "../types.ts";
import { GroupCardComponent } from "./group-card.component.ts";
import { type NewGroupData, NewGroupDialogComponent } from "./new-group-dialog.component.ts";

const SYSTEM_ORDER: Record<string, number> = { administrators: 0, itsm_agent: 1 };
const rank = (g: Group) => (g.systemKey ? (SYSTEM_ORDER[g.systemKey] ?? 2) : 3);

/** Settings → Permissions: groups, the permissions they grant and their members. */
@Component({
  selector: "us-permissions-page",
  imports: [
    MatButtonModule,
    PageHeaderComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    GroupCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header
      title="Permissions"
      subtitle="Groups grant permissions to their members. A member's permissions are those of all their groups."
    >
      <button matButton="filled" type="button" [disabled]="!catalogue.hasValue()" (click)="newGroup()">New group</button>
    </ui-page-header>
    @if (groups.hasValue() && catalogue.hasValue() && users.hasValue()) {
      @for (group of sorted(); track group.id) {
        <us-group-card
          [group]="group"
          [catalogue]="catalogue.value()"
          [users]="users.value()"
          [itsmNote]="itsmNote()"
          (changed)="changed($event)"
        />
      } @empty {
        <p class="empty">No groups yet. Create one with “New group”.</p>
      }
    } @else {
      @if (failure()) {
        <ui-error-state title="Could not load the groups" [error]="failure()" (retry)="reload()" />
      } @else {
        <ui-loading-state label="Loading the groups…" />
      }
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 20px; }
    .empty { padding: 24px; border-radius: 12px; background: var(--mat-sys-surface-container-low); margin: 0; }
  `,
})
export class PermissionsPageComponent {
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  protected readonly groups = httpResource<Group[]>(() => "/api/groups");
  protected readonly catalogue = httpResource<PermissionInfo[]>(() => "/api/permissions");
  protected readonly users = httpResource<User[]>(() => "/api/users");

  protected readonly sorted = computed(() =>
    [...(this.groups.value() ?? [])].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)),
  );
  protected readonly itsmNote = computed(() =>
    this.session.session()?.itsmLicensed === false
      ? "The ITSM add-on is not active for this workspace. These permissions take effect once it is."
      : null,
  );
  protected readonly failure = computed(
    () => this.groups.error() ?? this.catalogue.error() ?? this.users.error(),
  );

  protected reload(): void {
    this.groups.reload();
    this.catalogue.reload();
    this.users.reload();
  }

  /** A saved group replaces its old self; anything else re-reads groups and users. */
  protected changed(group: Group | null): void {
    if (group && this.groups.hasValue()) {
      this.groups.set(this.groups.value().map((g) => (g.id === group.id ? group : g)));
    } else {
      this.groups.reload();
    }
    this.users.reload();
    // The own permissions (and so the navigation) may have just changed.
    void this.session.load(true).catch(() => undefined);
  }

  protected newGroup(): void {
    const data: NewGroupData = { catalogue: this.catalogue.value() ?? [], itsmNote: this.itsmNote() };
    this.dialog
      .open(NewGroupDialogComponent, { data, width: "720px", maxWidth: "calc(100vw - 32px)" })
      .afterClosed()
      .subscribe((group?: Group) => {
        if (!group) return;
        this.notify.done(`Group created. Add members to ${group.name} to grant its permissions.`);
        this.groups.reload();
      });
  }
}
