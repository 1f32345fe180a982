import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed, inject, signal } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { SessionStore } from "@uslimato/web-data-access";
import { ErrorStateComponent, LoadingStateComponent, Notify, PageHeaderComponent } from "@uslimato/web-ui";
import { SettingsApi } from "../settings-api.ts";
import type { User } from "../types.ts";
import { NewUserDialogComponent } from "./new-user-dialog.component.ts";

/** Settings → Users: who can sign in, their groups, deactivate/reactivate, new user. */
@Component({
  selector: "us-users-page",
  imports: [MatButtonModule, PageHeaderComponent, ErrorStateComponent, LoadingStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header
      title="Users"
      subtitle="People who can sign in to this workspace. Their groups decide what they may do."
    >
      <button matButton="filled" type="button" (click)="newUser()">New user</button>
    </ui-page-header>
    @if (users.hasValue()) {
      @if (users.value().length > 0) {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Groups</th>
                <th scope="col">Status</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (user of users.value(); track user.id) {
                <tr>
                  <td data-label="Email" class="wrap">{{ user.email }}</td>
                  <td data-label="Name" class="wrap">{{ user.name }}</td>
                  <td data-label="Groups">
                    @for (g of user.groups; track g.id) {
                      <span class="chip">{{ g.name }}</span>
                    } @empty {
                      <span class="muted">No groups</span>
                    }
                  </td>
                  <td data-label="Status">
                    <span class="status" [class.off]="!user.active">{{ user.active ? "Active" : "Deactivated" }}</span>
                  </td>
                  <td class="actions">
                    @if (user.id === selfId()) {
                      <span class="muted">This is you</span>
                    } @else {
                      <button
                        matButton="outlined"
                        type="button"
                        [disabled]="busy() === user.id"
                        [attr.aria-label]="(user.active ? 'Deactivate ' : 'Reactivate ') + user.name"
                        (click)="setActive(user, !user.active)"
                      >
                        {{ user.active ? "Deactivate" : "Reactivate" }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="empty">No users yet. Create the first user with “New user”.</p>
      }
    } @else {
      @if (users.error()) {
        <ui-error-state title="Could not load the users" [error]="users.error()" (retry)="users.reload()" />
      } @else {
        <ui-loading-state label="Loading the users…" />
      }
    }
  `,
  styles: `
    @use "web/ui/src/styles/table";
    :host { display: flex; flex-direction: column; gap: 20px; }
  `,
})
export class UsersPageComponent {
  private readonly api = inject(SettingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly session = inject(SessionStore);
  protected readonly users = httpResource<User[]>(() => "/api/users");
  protected readonly selfId = computed(() => this.session.session()?.user.id);
  protected readonly busy = signal<string | null>(null);

  protected newUser(): void {
    this.dialog
      .open(NewUserDialogComponent, { width: "480px", maxWidth: "calc(100vw - 32px)" })
      .afterClosed()
      .subscribe((user?: User) => {
        if (!user) return;
        this.notify.done(`User created. ${user.name} can now sign in.`);
        this.users.reload();
      });
  }

  protected async setActive(user: User, active: boolean): Promise<void> {
    this.busy.set(user.id);
    try {
      await this.api.setUserActive(user.id, active);
      this.notify.done(`${user.name} was ${active ? "reactivated" : "deactivated"}.`);
    } catch (error) {
      this.notify.failed(`Could not update ${user.name}`, error);
    } finally {
      this.busy.set(null);
      this.users.reload();
    }
  }
}
