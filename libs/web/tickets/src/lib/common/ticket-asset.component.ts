import { ChangeDetectionStrategy, Component, input } from "@angular/core";
import { MatIcon } from "@angular/material/icon";
import type { NewTicketDialogData } from "./types.ts";

/**
 * The asset a new ticket concerns, read-only ("Asset" over "name · tag"), as the "New ticket" dialogs (agent
 * and desk) show it when an asset page opened them; nothing without an asset. The host takes no box of its
 * own (`display: contents`), so an absent asset leaves no gap in the dialog's column.
 */
@Component({
  selector: "us-ticket-asset",
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (asset(); as a) {
      <div class="asset">
        <mat-icon aria-hidden="true">devices</mat-icon>
        <div>
          <span class="asset__label">Asset</span>
          <span class="asset__name">{{ a.name }} · {{ a.asset_tag }}</span>
        </div>
      </div>
    }
  `,
  styles: `
    :host { display: contents; }
    .asset { display: flex; align-items: center; gap: 12px; padding: 10px 14px; border: 1px solid var(--ui-border); border-radius: 8px; }
    .asset mat-icon { color: var(--ui-muted); flex: none; }
    .asset div { display: flex; flex-direction: column; min-width: 0; }
    .asset__label { font-size: 0.75rem; color: var(--ui-muted); }
    .asset__name { overflow-wrap: anywhere; }
  `,
})
export class TicketAssetComponent {
  readonly asset = input.required<NewTicketDialogData["asset"] | null>();
}
