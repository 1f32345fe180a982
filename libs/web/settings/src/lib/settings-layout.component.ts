import { ChangeDetectionStrategy, Component, computed, inject } from "@angular/core";
import { RouterLink, RouterLinkActive, RouterOutlet } from "@angular/router";
import { SessionStore } from "@uslimato/web-data-access";
import { SETTINGS_PAGES } from "./settings-access.ts";

/**
 * Settings: a row of links to the pages this session may use (plain links with aria-current, each one a
 * tab stop: they lead to pages, so they are not an ARIA tab list), and the page.
 */
@Component({
  selector: "us-settings-layout",
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="Settings" class="nav">
      @for (page of pages(); track page.path) {
        <a
          class="link"
          [routerLink]="'/settings/' + page.path"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          [routerLinkActiveOptions]="{ exact: true }"
        >
          {{ page.label }}
        </a>
      }
    </nav>
    <router-outlet />
  `,
  styles: `
    :host { display: block; }
    .nav { display: flex; gap: 4px; margin-bottom: 24px; overflow-x: auto; scrollbar-width: thin;
      border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .link { flex-shrink: 0; padding: 10px 14px; color: var(--mat-sys-on-surface-variant); font-weight: 550;
      font-size: 0.875rem; text-decoration: none; border-bottom: 3px solid transparent; margin-bottom: -1px;
      border-radius: 6px 6px 0 0; white-space: nowrap; }
    .link:hover { color: var(--mat-sys-on-surface); background: var(--mat-sys-surface-container-low); }
    .link:focus-visible { outline: 2px solid var(--mat-sys-primary); outline-offset: -2px; }
    .link.active { color: var(--mat-sys-primary); border-bottom-color: var(--mat-sys-primary); }
    /* A phone: the links wrap onto a second line rather than scroll out of sight. */
    @media (max-width: 599.98px) { .nav { flex-wrap: wrap; overflow-x: visible; } .link { padding: 10px 12px; } }
  `,
})
export class SettingsLayoutComponent {
  private readonly session = inject(SessionStore);
  protected readonly pages = computed(() => SETTINGS_PAGES.filter((p) => p.allowed(this.session)));
}
