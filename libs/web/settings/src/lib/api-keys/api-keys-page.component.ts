import { httpResource } from "@angular/common/http";
import { ChangeDetectionStrategy, Component, computed, inject } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { MatDialog } from "@angular/material/dialog";
import { SessionStore } from "@uslimato/web-data-access";
import {
  confirmAction,
  ErrorStateComponent,
  LoadingStateComponent,
  Notify,
  PageHeaderComponent,
} from "@uslimato/web-ui";
import { SettingsApi } from "../settings-api.ts";
import type { ApiKey, UsageCounts, UsageRow } from "../types.ts";
import { formatCount, formatDateTime } from "./format.ts";
import { NewApiKeyDialogComponent } from "./new-api-key-dialog.component.ts";

const USAGE_DAYS = 30;

/** Settings → API keys: keys for the Public API with last use and usage, create (shown once), revoke. */
@Component({
  selector: "us-api-keys-page",
  imports: [MatButtonModule, PageHeaderComponent, ErrorStateComponent, LoadingStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header
      title="API keys"
      subtitle="Keys for integrations using the Public API. A key acts as the user it names and can never do more than that user."
    >
      <a matButton href="/public/v1/docs" target="_blank" rel="noreferrer">API reference</a>
      <button matButton="filled" type="button" (click)="newKey()">New API key</button>
    </ui-page-header>
    @if (!publicApiOn()) {
      <p class="info" role="note">
        The ticket endpoints need the Public API feature of the ITSM license; keys can be prepared already.
      </p>
    }
    @if (keys.hasValue()) {
      @if (keys.value().length > 0) {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Acts as</th>
                <th scope="col">Last used</th>
                <th scope="col">Requests today</th>
                <th scope="col">Last 30 days</th>
                <th scope="col">Status</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (k of keys.value(); track k.id) {
                <tr>
                  <td data-label="Name" class="wrap">
                    <div class="strong">{{ k.name }}</div>
                    <div class="mono muted">{{ k.hint }}</div>
                    @if (k.status === "active" && k.notes.length > 0) {
                      <div class="small note">{{ k.notes.join(" ") }}</div>
                    }
                  </td>
                  <td data-label="Scopes">
                    @for (s of k.scopes; track s) {
                      <span class="chip">{{ s }}</span>
                    }
                  </td>
                  <td data-label="Acts as" class="wrap">
                    <div>{{ k.owner.name }}</div>
                    <div class="small muted">{{ k.owner.email }}</div>
                  </td>
                  <td data-label="Last used">
                    @if (k.last_used_at) {
                      {{ date(k.last_used_at) }}
                    } @else {
                      <span class="muted">Never</span>
                    }
                  </td>
                  <td data-label="Requests today">
                    {{ count(k.usage.today.requests) }}
                    <div class="small muted nowrap">{{ split(k.usage.today) }}</div>
                  </td>
                  <td data-label="Last 30 days">
                    {{ count(k.usage.last_30_days.requests) }}
                    <div class="small muted nowrap">{{ split(k.usage.last_30_days) }}</div>
                  </td>
                  <td data-label="Status">
                    <span class="status" [class.off]="k.status === 'expired'" [class.bad]="k.status === 'revoked'">{{ k.status }}</span>
                    @if (k.status === "active" && k.expires_at) {
                      <div class="small muted">until {{ date(k.expires_at) }}</div>
                    }
                  </td>
                  <td class="actions">
                    @if (k.status !== "revoked") {
                      <button matButton type="button" class="danger" [attr.aria-label]="'Revoke ' + k.name" (click)="revoke(k)">
                        Revoke
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="empty">No API keys yet. Create one with “New API key”.</p>
      }
    } @else {
      @if (keys.error()) {
        <ui-error-state title="Could not load the API keys" [error]="keys.error()" (retry)="keys.reload()" />
      } @else {
        <ui-loading-state label="Loading the API keys…" />
      }
    }

    <section class="usage" aria-labelledby="api-usage-heading">
      <div class="usage-head">
        <h2 id="api-usage-heading" class="sub">Usage per day</h2>
        <a class="csv" [href]="csvUrl" download>Download CSV (last {{ days }} days)</a>
      </div>
      @if (usage.hasValue()) {
        @if (usage.value().length > 0) {
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Day (UTC)</th>
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
                    <td data-label="Day (UTC)">{{ r.day }}</td>
                    <td data-label="Key" class="wrap">{{ r.key_name }}</td>
                    <td data-label="Requests" class="num">{{ count(r.requests) }}</td>
                    <td data-label="2xx" class="num">{{ count(r.status_2xx) }}</td>
                    <td data-label="4xx" class="num">{{ count(r.status_4xx) }}</td>
                    <td data-label="5xx" class="num">{{ count(r.status_5xx) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p class="empty">No API requests in the last {{ days }} days.</p>
        }
      } @else {
        @if (usage.error()) {
        <ui-error-state title="Could not load the usage" [error]="usage.error()" (retry)="usage.reload()" />
      } @else {
        <ui-loading-state label="Loading the usage…" />
      }
      }
    </section>
  `,
  styles: `
    @use "web/ui/src/styles/table";
    :host { display: flex; flex-direction: column; gap: 20px; }
    .strong { font-weight: 600; }
    .nowrap { white-space: nowrap; }
    .note { margin-top: 4px; max-width: 320px; }
    .danger { --mat-button-text-label-text-color: var(--mat-sys-error); }
    .info { margin: 0; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container); }
    .usage { display: flex; flex-direction: column; gap: 12px; }
    .usage-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; }
    .sub { margin: 0; font: var(--mat-sys-title-large); font-weight: 600; }
    .csv { color: var(--mat-sys-primary); font-weight: 500; }
  `,
})
export class ApiKeysPageComponent {
  private readonly api = inject(SettingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly session = inject(SessionStore);
  protected readonly days = USAGE_DAYS;
  protected readonly csvUrl = `/api/api-keys/usage.csv?days=${USAGE_DAYS}`;
  protected readonly keys = httpResource<ApiKey[]>(() => "/api/api-keys");
  protected readonly usage = httpResource<UsageRow[]>(() => `/api/api-keys/usage?days=${USAGE_DAYS}`);
  protected readonly publicApiOn = computed(() => this.session.flagOn("public_api"));
  protected readonly date = formatDateTime;
  protected readonly count = formatCount;

  protected split(c: UsageCounts): string {
    return c.requests > 0 ? `(${c.status_2xx} ok, ${c.status_4xx} 4xx, ${c.status_5xx} 5xx)` : "";
  }

  protected newKey(): void {
    this.dialog
      .open(NewApiKeyDialogComponent, { width: "560px", maxWidth: "calc(100vw - 32px)" })
      .afterClosed()
      .subscribe(() => this.keys.reload());
  }

  protected async revoke(key: ApiKey): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Revoke “${key.name}”?`,
      message:
        "Requests with this key are refused (401) from now on. Its usage stays listed. This cannot be undone.",
      confirmLabel: "Revoke key",
      danger: true,
    });
    if (!confirmed) return;
    try {
      await this.api.revokeApiKey(key.id);
      this.notify.done(`API key revoked. “${key.name}” no longer works.`);
    } catch (error) {
      this.notify.failed(`Could not revoke “${key.name}”`, error);
    }
    this.keys.reload();
  }
}
