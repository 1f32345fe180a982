import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed } from "@angular/core";
import { ErrorStateComponent, LoadingStateComponent } from "@uslimato/web-ui";
import { formatNumber } from "./format.ts";
import type { OperatorUsageRow } from "./types.ts";

const DAYS = 30;

/** Public API requests of every tenant per key and day, with the CSV of the same rows. */
@Component({
  selector: "us-api-usage-section",
  imports: [ErrorStateComponent, LoadingStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <div>
        <h2 id="api-usage-heading" class="sub">API usage</h2>
        <p class="muted">Public API requests per tenant, key and day (UTC), the last {{ days }} days.</p>
      </div>
      <a class="csv" [href]="csvUrl" download>Download CSV</a>
    </div>
    @if (usage.hasValue()) {
      @if (usage.value().length > 0) {
        <p class="total">{{ total() }}</p>
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Tenant</th>
                <th scope="col">Key</th>
                <th scope="col" class="num">Requests</th>
                <th scope="col" class="num">2xx</th>
                <th scope="col" class="num">4xx</th>
                <th scope="col" class="num">5xx</th>
              </tr>
            </thead>
            <tbody>
              @for (r of usage.value(); track r.day + r.key_id) {
                <tr>
                  <td data-label="Day">{{ r.day }}</td>
                  <td data-label="Tenant" class="mono wrap">{{ r.tenant_slug }}</td>
                  <td data-label="Key" class="wrap">{{ r.key_name }}</td>
                  <td data-label="Requests" class="num">{{ n(r.requests) }}</td>
                  <td data-label="2xx" class="num">{{ n(r.status_2xx) }}</td>
                  <td data-label="4xx" class="num">{{ n(r.status_4xx) }}</td>
                  <td data-label="5xx" class="num">{{ n(r.status_5xx) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="empty">No Public API requests in the last {{ days }} days.</p>
      }
    } @else {
      @if (usage.error()) {
        <ui-error-state title="Could not load the API usage" [error]="usage.error()" (retry)="usage.reload()" />
      } @else {
        <ui-loading-state label="Loading the API usage…" />
      }
    }
  `,
  host: { role: "region", "aria-labelledby": "api-usage-heading" },
  styles: `
    @use "web/ui/src/styles/table";
    :host { display: flex; flex-direction: column; gap: 12px; }
    .head { display: flex; justify-content: space-between; align-items: flex-end; gap: 12px; flex-wrap: wrap; }
    .sub { margin: 0; font: var(--mat-sys-title-large); font-weight: 600; }
    p.muted { margin: 4px 0 0; }
    .total { margin: 0; font-weight: 500; }
    .csv { color: var(--mat-sys-primary); font-weight: 500; }
  `,
})
export class ApiUsageSectionComponent {
  protected readonly days = DAYS;
  protected readonly csvUrl = `/api/operator/api-usage.csv?days=${DAYS}`;
  protected readonly usage = httpResource<OperatorUsageRow[]>(() => `/api/operator/api-usage?days=${DAYS}`);
  protected readonly n = formatNumber;
  protected readonly total = computed(() => {
    const rows = this.usage.hasValue() ? this.usage.value() : [];
    const requests = rows.reduce((sum, r) => sum + r.requests, 0);
    const tenants = new Set(rows.map((r) => r.tenant_slug)).size;
    return `${formatNumber(requests)} request${requests === 1 ? "" : "s"} from ${tenants} tenant${tenants === 1 ? "" : "s"}`;
  });

  reload(): void {
    this.usage.reload();
  }
}
