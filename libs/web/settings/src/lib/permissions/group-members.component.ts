import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from "@angular/core";
import { FormsModule } from "@angular/forms";
import { MatButtonModule } from "@angular/material/button";
import { MatFormFieldModule } from "@angular/material/form-field";
import { MatSelectModule } from "@angular/material/select";
import { problemOf } from "@uslimato/web-data-access";
import { SettingsApi } from "../settings-api.ts";
import type { Group, User } from "../types.ts";

/**
 * Members of a group, each removable, and a picker to add an active user. A refused change (an agent
 * seat over the license's quota) shows the server's own message here.
 */
@Component({
  selector: "us-group-members",
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (group().members.length > 0) {
      <ul class="members">
        @for (m of group().members; track m.id) {
          <li>
            <span class="who"><span class="name">{{ m.name }}</span><span class="email">{{ m.email }}</span></span>
            <button
              matButton
              type="button"
              class="remove"
              [disabled]="busy()"
              [attr.aria-label]="'Remove ' + m.name + ' from ' + group().name"
              (click)="remove(m.id)"
            >
              Remove
            </button>
          </li>
        }
      </ul>
    } @else {
      <p class="muted">No members yet.</p>
    }
    <div class="add">
      <mat-form-field subscriptSizing="dynamic" class="picker">
        <mat-label>Add member</mat-label>
        <mat-select [(ngModel)]="candidate" [disabled]="candidates().length === 0 || busy()">
          @for (u of candidates(); track u.id) {
            <mat-option [value]="u.id">{{ u.name }} ({{ u.email }})</mat-option>
          }
        </mat-select>
        @if (candidates().length === 0) {
          <mat-hint>Every active user is a member</mat-hint>
        }
      </mat-form-field>
      <button matButton="tonal" type="button" [disabled]="!candidate() || busy()" (click)="add()">Add</button>
    </div>
    @if (failure()) {
      <p class="failure" role="alert">{{ failure() }}</p>
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 12px; }
    .members { list-style: none; margin: 0; padding: 0; }
    .members li { display: flex; align-items: center; justify-content: space-between; gap: 8px;
      padding: 6px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .who { display: flex; flex-direction: column; min-width: 0; }
    .name { font-weight: 500; overflow-wrap: anywhere; }
    .email { font-size: 0.8125rem; color: var(--mat-sys-on-surface-variant); overflow-wrap: anywhere; }
    .remove { --mat-button-text-label-text-color: var(--mat-sys-error); }
    .add { display: flex; gap: 8px; align-items: center; }
    .picker { flex: 1; min-width: 0; }
    .muted { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .failure { margin: 0; color: var(--mat-sys-error); font-weight: 500; }
  `,
})
export class GroupMembersComponent {
  private readonly api = inject(SettingsApi);
  readonly group = input.required<Group>();
  readonly users = input.required<User[]>();
  /** The group as the server answered it after a change (or null when it must be re-read). */
  readonly changed = output<Group | null>();

  protected readonly candidate = signal<string>("");
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly candidates = computed(() => {
    const members = new Set(this.group().members.map((m) => m.id));
    return this.users().filter((u) => u.active && !members.has(u.id));
  });

  protected add(): Promise<void> {
    const userId = this.candidate();
    return this.run(
      () => this.api.addMember(this.group().id, userId),
      () => this.candidate.set(""),
    );
  }

  protected remove(userId: string): Promise<void> {
    return this.run(() => this.api.removeMember(this.group().id, userId));
  }

  private async run(change: () => Promise<Group>, after?: () => void): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      this.changed.emit(await change());
      after?.();
    } catch (error) {
      const p = problemOf(error);
      this.failure.set(p.detail || p.title);
      this.changed.emit(null);
    } finally {
      this.busy.set(false);
    }
  }
}
