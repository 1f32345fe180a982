import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  ViewEncapsulation,
} from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from "@angular/material/dialog";
import { formatCount, formatDateTime, isOver } from "./format.ts";
import { LicenseFormComponent } from "./license-form.component.ts";
import type { License, Tenant } from "./types.ts";

export interface TenantDialogData {
  tenant: Tenant;
  /** After each saved change: the console re-reads tenants and alerts. */
  onSaved: (what: string) => void;
}

export function licenseState(license: License | null): { label: string; tone: "on" | "off" | "never" } {
  if (!license) return { label: "Never licensed", tone: "never" };
  return license.active ? { label: "Active", tone: "on" } : { label: "Inactive", tone: "off" };
}

/** One tenant as a side panel: usage at a glance and its ITSM license. */
@Component({
  selector: "us-tenant-dialog",
  imports: [MatDialogModule, MatButtonModule, LicenseFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // None: the sheet's shape is set on the overlay pane (panelClass), outside this component's view.
  encapsulation: ViewEncapsulation.None,
  host: { class: "us-tenant-sheet" },
  template: `
    <div class="head">
      <h2 mat-dialog-title class="title">{{ tenant().name }}</h2>
      <button matButton type="button" mat-dialog-close class="close">Close</button>
    </div>
    <mat-dialog-content class="body">
      <p class="muted"><span class="mono">{{ tenant().slug }}</span> · created {{ date(tenant().createdAt) }}</p>
      <dl class="facts">
        <div>
          <dt>Agents</dt>
          <dd [class.over]="over(tenant().usage.agents, tenant().usage.maxAgents)">
            {{ count(tenant().usage.agents, tenant().usage.maxAgents) }}
          </dd>
        </div>
        <div>
          <dt>Emails this month</dt>
          <dd [class.over]="over(tenant().usage.emailsThisMonth, tenant().usage.maxEmailsMonth)">
            {{ count(tenant().usage.emailsThisMonth, tenant().usage.maxEmailsMonth) }}
          </dd>
        </div>
        <div>
          <dt>License updated</dt>
          <dd>{{ date(tenant().license?.updatedAt) }}</dd>
        </div>
      </dl>
      <div class="license-head">
        <h3 class="sub">ITSM license</h3>
        <span class="state" [attr.data-tone]="state().tone">{{ state().label }}</span>
      </div>
      <us-license-form [tenant]="tenant()" (saved)="saved($event)" />
    </mat-dialog-content>
  `,
  styles: `
    .us-tenant-sheet { display: flex; flex-direction: column; height: 100%; }
    .us-tenant-sheet .head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; padding: 8px 12px 0 0; }
    .us-tenant-sheet .title { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .us-tenant-sheet .close { flex-shrink: 0; margin-top: 12px; }
    /* The panel is a full-height sheet at the right edge: square corners. */
    .us-side-panel { --mat-dialog-container-shape: 0; --mat-dialog-container-max-width: 100vw; }
    .us-tenant-sheet .body { flex: 1; max-height: none; display: flex; flex-direction: column; gap: 16px; }
    .us-tenant-sheet .muted { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .us-tenant-sheet .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
    .us-tenant-sheet .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; margin: 0; }
    .us-tenant-sheet dt { font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
      color: var(--mat-sys-on-surface-variant); }
    .us-tenant-sheet dd { margin: 2px 0 0; font-weight: 600; }
    .us-tenant-sheet dd.over { color: var(--mat-sys-error); }
    .us-tenant-sheet .license-head { display: flex; align-items: center; justify-content: space-between; gap: 8px;
      border-top: 1px solid var(--mat-sys-outline-variant); padding-top: 16px; }
    .us-tenant-sheet .sub { margin: 0; font: var(--mat-sys-title-medium); font-weight: 600; }
    .us-tenant-sheet .state { font-size: 0.8125rem; font-weight: 600; padding: 2px 10px; border-radius: 999px;
      background: var(--mat-sys-surface-container-high); white-space: nowrap; }
    .us-tenant-sheet .state[data-tone="on"] { background: #d8f0dc; color: #14532d; }
    .us-tenant-sheet .state[data-tone="off"] { background: #fde8cf; color: #6b3a00; }
  `,
})
export class TenantDialogComponent {
  private readonly data = inject<TenantDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<TenantDialogComponent>);
  /** The tenant with its latest saved license. */
  protected readonly tenant = signal(this.data.tenant);
  protected readonly state = computed(() => licenseState(this.tenant().license));
  protected readonly date = formatDateTime;
  protected readonly count = formatCount;
  protected readonly over = isOver;

  protected saved({ license, what }: { license: License; what: string }): void {
    this.tenant.update((t) => ({ ...t, license }));
    this.data.onSaved(what);
  }
}
