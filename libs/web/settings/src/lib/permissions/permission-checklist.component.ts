import { ChangeDetectionStrategy, Component, computed, input, output } from "@angular/core";
import { MatCheckboxModule } from "@angular/material/checkbox";
import { ALL_PERMISSIONS } from "@uslimato/domain";
import type { PermissionInfo } from "../types.ts";

/** The domain's order (read before manage; create, manage, close); names it does not know go last. */
function rank(name: string): number {
  const i = (ALL_PERMISSIONS as readonly string[]).indexOf(name);
  return i === -1 ? ALL_PERMISSIONS.length : i;
}

interface Section {
  id: string;
  label: string;
  note: string | null;
  permissions: PermissionInfo[];
}

/**
 * The permission catalogue as checkboxes, platform permissions first and the ITSM ones in their own
 * section. It only reports the next list; the owner decides when to save it.
 */
@Component({
  selector: "us-permission-checklist",
  imports: [MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (section of sections(); track section.id) {
      <fieldset class="section">
        <legend class="legend">{{ section.label }}</legend>
        @if (section.note) {
          <p class="note">{{ section.note }}</p>
        }
        <div class="grid">
          @for (p of section.permissions; track p.name) {
            <mat-checkbox
              [checked]="selected().has(p.name)"
              [disabled]="disabled()"
              [disabledInteractive]="true"
              (change)="toggle(p.name, $event.checked)"
            >
              <span class="name">{{ p.name }}</span>
              <span class="description">{{ p.description }}</span>
            </mat-checkbox>
          }
        </div>
      </fieldset>
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 16px; }
    .section { border: 0; margin: 0; padding: 0; min-width: 0; }
    .legend { font-weight: 600; font-size: 0.875rem; padding: 0; margin-bottom: 4px; }
    .note { margin: 0 0 8px; font-size: 0.8125rem; color: var(--mat-sys-on-surface-variant); }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 16px; }
    .name { display: block; font-family: var(--us-mono, ui-monospace, monospace); font-size: 0.875rem; }
    .description { display: block; font-size: 0.8125rem; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class PermissionChecklistComponent {
  readonly catalogue = input.required<PermissionInfo[]>();
  readonly value = input.required<readonly string[]>();
  readonly disabled = input(false);
  /** Under the ITSM section, e.g. when the add-on is not licensed. */
  readonly itsmNote = input<string | null>(null);
  readonly valueChange = output<string[]>();

  protected readonly selected = computed(() => new Set(this.value()));

  protected readonly sections = computed<Section[]>(() => {
    const sorted = [...this.catalogue()].sort(
      (a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name),
    );
    const sections: Section[] = [
      { id: "platform", label: "Platform", note: null, permissions: sorted.filter((p) => !p.itsm) },
      {
        id: "itsm",
        label: "ITSM",
        note: this.itsmNote() ?? "Service desk permissions. Holders of tickets:manage use an agent seat.",
        permissions: sorted.filter((p) => p.itsm),
      },
    ];
    return sections.filter((s) => s.permissions.length > 0);
  });

  protected toggle(name: string, checked: boolean): void {
    const rest = this.value().filter((p) => p !== name);
    this.valueChange.emit(checked ? [...rest, name] : rest);
  }
}
