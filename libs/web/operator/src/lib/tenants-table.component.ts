import { ChangeDetectionStrategy, Component, input, output } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { formatCount, isOver } from "./format.ts";
import { licenseState } from "./tenant-dialog.component.ts";
import type { Tenant } from "./types.ts";

@Component({
  selector: "us-tenants-table",
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Slug</th>
            <th scope="col">Name</th>
            <th scope="col">ITSM license</th>
            <th scope="col">Agents</th>
            <th scope="col">Emails this month</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (t of tenants(); track t.id) {
            <tr>
              <td data-label="Slug" class="mono wrap">{{ t.slug }}</td>
              <td data-label="Name" class="wrap">{{ t.name }}</td>
              <td data-label="ITSM license">
                <span class="status" [attr.data-tone]="state(t).tone">{{ state(t).label }}</span>
              </td>
              <td data-label="Agents" [class.over]="over(t.usage.agents, t.usage.maxAgents)">
                {{ count(t.usage.agents, t.usage.maxAgents) }}{{ over(t.usage.agents, t.usage.maxAgents) ? " (over quota)" : "" }}
              </td>
              <td data-label="Emails this month" [class.over]="over(t.usage.emailsThisMonth, t.usage.maxEmailsMonth)">
                {{ count(t.usage.emailsThisMonth, t.usage.maxEmailsMonth)
                }}{{ over(t.usage.emailsThisMonth, t.usage.maxEmailsMonth) ? " (over quota)" : "" }}
              </td>
              <td class="actions">
                <button matButton="tonal" type="button" [attr.aria-label]="'Manage ' + t.name" (click)="manage.emit(t.slug)">
                  Manage
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    @use "web/ui/src/styles/table";
    .over { color: var(--mat-sys-error); font-weight: 600; }
    .status[data-tone="never"]::before { background: #757575; }
    .status[data-tone="off"]::before { background: #e08a00; }
  `,
})
export class TenantsTableComponent {
  readonly tenants = input.required<Tenant[]>();
  readonly manage = output<string>();
  protected state(t: Tenant) {
    return licenseState(t.license);
  }
  protected readonly count = formatCount;
  protected readonly over = isOver;
}
