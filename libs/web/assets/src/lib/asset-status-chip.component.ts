import { ChangeDetectionStrategy, Component, computed, input } from "@angular/core";
import { ASSET_STATUS_LABEL, type AssetStatus } from "./types.ts";

/** An asset's status as a coloured chip with its word (colour is never the only signal). */
@Component({
  selector: "us-asset-status",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [attr.data-status]="status()">{{ label() }}</span>`,
  styles: `
    .chip { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 0.75rem; font-weight: 600;
      white-space: nowrap; background: #eef2f6; color: #334155; }
    .chip[data-status="in_use"] { background: #e3f4ea; color: #17603a; }
    .chip[data-status="in_stock"] { background: #e6eefb; color: #1d4f91; }
    .chip[data-status="in_repair"] { background: #fdf0dc; color: #8a4b00; }
    .chip[data-status="retired"] { background: #eceff1; color: #455a64; }
  `,
})
export class AssetStatusComponent {
  readonly status = input.required<AssetStatus>();
  protected readonly label = computed(() => ASSET_STATUS_LABEL[this.status()] ?? this.status());
}
