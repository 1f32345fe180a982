import { ChangeDetectionStrategy, Component, input } from "@angular/core";
import type { Status } from "@uslimato/domain";
import { PRIORITY_LABEL, type Priority, STATUS_LABEL } from "./labels.ts";

// Badges never shrink or truncate ("Me…"/"Op…" in the old queue): white-space nowrap, flex: none.
const BADGE = `
  :host { display: inline-flex; flex: none; }
  span { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px;
    font-size: 0.8125rem; font-weight: 600; line-height: 1.5; white-space: nowrap; border: 1px solid; }
`;

/** A ticket status as a coloured pill: dark text on a light tint (contrast above 4.5:1), coloured border. */
@Component({
  selector: "ui-status-badge",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'ui-status ui-status--' + status()">{{ label[status()] }}</span>`,
  styles: `${BADGE}
    .ui-status--open { color: #123a7a; background: #e8f0fe; border-color: #8fb3f5; }
    .ui-status--in_progress { color: #4a1d8f; background: #f1eafe; border-color: #b79af0; }
    .ui-status--resolved { color: #0b4d3b; background: #e3f6ef; border-color: #7fcdb2; }
    .ui-status--closed { color: #343a46; background: #eef0f3; border-color: #b5bcc8; }
    .ui-status--cancelled { color: #8a1c1c; background: #fdecec; border-color: #f0a3a3; }`,
})
export class StatusBadgeComponent {
  readonly status = input.required<Status>();
  protected readonly label = STATUS_LABEL;
}

/** A priority: critical filled red so it stands out; the others outlined. */
@Component({
  selector: "ui-priority-badge",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'ui-priority ui-priority--' + priority()">{{ label[priority()] }}</span>`,
  styles: `${BADGE}
    .ui-priority--critical { color: #fff; background: #b3261e; border-color: #b3261e; }
    .ui-priority--high { color: #7a3300; background: #fff4e8; border-color: #f2a35e; }
    .ui-priority--medium { color: #123a7a; background: #fff; border-color: #8fb3f5; }
    .ui-priority--low { color: #343a46; background: #fff; border-color: #b5bcc8; }`,
})
export class PriorityBadgeComponent {
  readonly priority = input.required<Priority>();
  protected readonly label = PRIORITY_LABEL;
}
