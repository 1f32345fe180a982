import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, inject, output, signal } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { ErrorStateComponent, LoadingStateComponent, Notify } from "@uslimato/web-ui";
import { formatDateTime } from "./format.ts";
import { OperatorApi } from "./operator-api.ts";
import type { QuotaAlert } from "./types.ts";

/** Quota alerts raised for the operator, and the quota check on demand. */
@Component({
  selector: "us-alerts-section",
  imports: [MatButtonModule, ErrorStateComponent, LoadingStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <div>
        <h2 id="quota-alerts-heading" class="sub">Quota alerts</h2>
        <p class="muted">Overruns of agent seats and monthly emails. The check also runs by itself every hour.</p>
      </div>
      <button matButton="outlined" type="button" [disabled]="checking()" (click)="check()">Run quota check</button>
    </div>
    @if (alerts.hasValue()) {
      @if (alerts.value().length > 0) {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Tenant</th>
                <th scope="col">Kind</th>
                <th scope="col">Period</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              @for (a of alerts.value(); track a.id) {
                <tr>
                  <td data-label="Raised">{{ date(a.createdAt) }}</td>
                  <td data-label="Tenant" class="wrap">{{ a.tenant.name }} <span class="mono muted">{{ a.tenant.slug }}</span></td>
                  <td data-label="Kind"><span class="status bad">{{ a.kind }}</span></td>
                  <td data-label="Period">{{ a.period }}</td>
                  <td data-label="Message" class="wrap">{{ a.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="empty">No alerts. No tenant has gone over its quotas.</p>
      }
    } @else {
      @if (alerts.error()) {
        <ui-error-state title="Could not load the alerts" [error]="alerts.error()" (retry)="alerts.reload()" />
      } @else {
        <ui-loading-state label="Loading the alerts…" />
      }
    }
  `,
  host: { role: "region", "aria-labelledby": "quota-alerts-heading" },
  styles: `
    @use "web/ui/src/styles/table";
    :host { display: flex; flex-direction: column; gap: 12px; }
    .head { display: flex; justify-content: space-between; align-items: flex-end; gap: 12px; flex-wrap: wrap; }
    .sub { margin: 0; font: var(--mat-sys-title-large); font-weight: 600; }
    p.muted { margin: 4px 0 0; }
  `,
})
export class AlertsSectionComponent {
  private readonly api = inject(OperatorApi);
  private readonly notify = inject(Notify);
  protected readonly alerts = httpResource<QuotaAlert[]>(() => "/api/operator/alerts");
  protected readonly checking = signal(false);
  protected readonly date = formatDateTime;
  /** A check may change the tenants' usage figures too. */
  readonly checked = output<void>();

  reload(): void {
    this.alerts.reload();
  }

  protected async check(): Promise<void> {
    this.checking.set(true);
    try {
      const { alertsRaised } = await this.api.runQuotaCheck();
      this.notify.done(
        alertsRaised === 0
          ? "Quota check finished. No new overruns."
          : `Quota check finished. ${alertsRaised} new alert${alertsRaised === 1 ? "" : "s"} raised.`,
      );
    } catch (error) {
      this.notify.failed("The quota check failed", error);
    } finally {
      this.checking.set(false);
      this.alerts.reload();
      this.checked.emit();
    }
  }
}
