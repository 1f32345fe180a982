import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, effect, inject, untracked, viewChild } from "@angular/core";
import { toSignal } from "@angular/core/rxjs-interop";
import { MatButtonModule } from "@angular/material/button";
import { MatDialog, type MatDialogRef } from "@angular/material/dialog";
import { ActivatedRoute, Router } from "@angular/router";
import { ErrorStateComponent, LoadingStateComponent, Notify } from "@uslimato/web-ui";
import { map } from "rxjs";
import { AlertsSectionComponent } from "./alerts-section.component.ts";
import { ApiUsageSectionComponent } from "./api-usage-section.component.ts";
import { NewTenantDialogComponent } from "./new-tenant-dialog.component.ts";
import { OperatorApi } from "./operator-api.ts";
import { TenantDialogComponent, type TenantDialogData } from "./tenant-dialog.component.ts";
import { TenantsTableComponent } from "./tenants-table.component.ts";
import type { Tenant } from "./types.ts";

/**
 * The operator console: every tenant with its license and usage (one tenant opens as a panel, its slug
 * in the address as ?tenant=), the quota alerts and the Public API usage.
 */
@Component({
  selector: "us-console-page",
  imports: [
    MatButtonModule,
    ErrorStateComponent,
    LoadingStateComponent,
    TenantsTableComponent,
    AlertsSectionComponent,
    ApiUsageSectionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tenants" aria-labelledby="tenants-heading">
      <div class="head">
        <div>
          <h1 id="tenants-heading" class="title">Tenants</h1>
          <p class="muted">Workspaces on Uslimato, their ITSM add-on license and this month's usage.</p>
        </div>
        <button matButton="filled" type="button" (click)="newTenant()">New tenant</button>
      </div>
      @if (tenants.hasValue()) {
        @if (tenants.value().length > 0) {
          <us-tenants-table [tenants]="tenants.value()" (manage)="select($event)" />
        } @else {
          <p class="empty">No tenants yet. Create the first one with “New tenant”.</p>
        }
      } @else {
        @if (tenants.error()) {
        <ui-error-state title="Could not load the tenants" [error]="tenants.error()" (retry)="tenants.reload()" />
      } @else {
        <ui-loading-state label="Loading the tenants…" />
      }
      }
    </section>
    <us-alerts-section (checked)="tenants.reload()" />
    <us-api-usage-section />
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 40px; }
    .tenants { display: flex; flex-direction: column; gap: 16px; }
    .head { display: flex; justify-content: space-between; align-items: flex-end; gap: 12px; flex-wrap: wrap; }
    .title { margin: 0; font: var(--mat-sys-headline-small); font-weight: 600; }
    .muted { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); }
    .empty { margin: 0; padding: 24px; border-radius: 12px; background: var(--mat-sys-surface-container-low); }
  `,
})
export class ConsolePageComponent {
  private readonly api = inject(OperatorApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly alerts = viewChild.required(AlertsSectionComponent);
  protected readonly tenants = httpResource<Tenant[]>(() => "/api/operator/tenants");
  private readonly selectedSlug = toSignal(this.route.queryParamMap.pipe(map((q) => q.get("tenant"))), {
    initialValue: null,
  });
  private open: MatDialogRef<TenantDialogComponent> | null = null;

  constructor() {
    // The operator session ran out while the console was open: sign in again.
    effect(() => {
      const error = this.tenants.error();
      if (error) untracked(() => this.api.signedOut(error));
    });
    // The panel follows ?tenant=: opened by "Manage", by a link or by going back; closing it drops the slug.
    effect(() => {
      const slug = this.selectedSlug();
      const tenant = this.tenants.hasValue() ? this.tenants.value().find((t) => t.slug === slug) : undefined;
      untracked(() => {
        if (tenant && !this.open) this.openTenant(tenant);
        if (!slug && this.open) this.open.close();
      });
    });
  }

  protected select(slug: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tenant: slug },
      queryParamsHandling: "merge",
    });
  }

  private openTenant(tenant: Tenant): void {
    const data: TenantDialogData = {
      tenant,
      onSaved: (what) => {
        this.notify.done(`The ITSM license of ${tenant.name} was ${what}.`);
        this.tenants.reload();
        this.alerts().reload();
      },
    };
    this.open = this.dialog.open(TenantDialogComponent, {
      data,
      position: { right: "0", top: "0" },
      height: "100dvh",
      maxHeight: "100dvh",
      width: "560px",
      maxWidth: "100vw",
      panelClass: "us-side-panel",
      autoFocus: "dialog",
    });
    this.open.afterClosed().subscribe(() => {
      this.open = null;
      if (this.selectedSlug()) this.select(null);
    });
  }

  protected newTenant(): void {
    this.dialog
      .open(NewTenantDialogComponent, { width: "640px", maxWidth: "calc(100vw - 32px)" })
      .afterClosed()
      .subscribe((tenant?: Tenant) => {
        if (!tenant) return;
        this.notify.done(`Tenant created. ${tenant.name} (${tenant.slug}) is ready.`);
        this.tenants.reload();
      });
  }
}
