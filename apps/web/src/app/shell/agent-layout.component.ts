import { BreakpointObserver } from "@angular/cdk/layout";
import { ChangeDetectionStrategy, Component, computed, inject, signal } from "@angular/core";
import { toSignal } from "@angular/core/rxjs-interop";
import { MatIconButton } from "@angular/material/button";
import { MatIcon } from "@angular/material/icon";
import { MatSidenavModule } from "@angular/material/sidenav";
import { RouterLink, RouterLinkActive, RouterOutlet } from "@angular/router";
import { AREAS, type Area, SessionStore } from "@uslimato/web-data-access";
import { BrandComponent } from "@uslimato/web-ui";
import { map } from "rxjs";
import { UserMenuComponent } from "./user-menu.component.ts";

const NAV: { label: string; path: string; icon: string; area: Area }[] = [
  { label: "Assets", path: "/assets", icon: "devices", area: "assets" },
  { label: "Tickets", path: "/tickets", icon: "confirmation_number", area: "tickets" },
  { label: "Desk", path: "/desk", icon: "support_agent", area: "desk" },
  { label: "Settings", path: "/settings", icon: "settings", area: "settings" },
];

/** The signed-in agent frame: header (product, workspace, user menu), navigation, the page. */
@Component({
  selector: "us-agent-layout",
  imports: [
    BrandComponent,
    MatIcon,
    MatIconButton,
    MatSidenavModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    UserMenuComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="top">
      @if (phone()) {
        <button mat-icon-button type="button" (click)="open.set(!open())"
          [attr.aria-label]="open() ? 'Close navigation' : 'Open navigation'" [attr.aria-expanded]="open()">
          <mat-icon aria-hidden="true">{{ open() ? "close" : "menu" }}</mat-icon>
        </button>
      }
      <a routerLink="/" class="home"><ui-brand /></a>
      @if (!phone()) {
        <span class="tenant ui-muted">{{ session()?.tenant?.name }}</span>
      }
      <span class="spacer"></span>
      <us-user-menu />
    </header>
    <mat-sidenav-container class="body">
      <mat-sidenav [mode]="phone() ? 'over' : 'side'" [opened]="!phone() || open()" (closedStart)="open.set(false)"
        class="side" [fixedInViewport]="phone()" [fixedTopGap]="56">
        <nav aria-label="Main navigation">
          @for (item of items(); track item.path) {
            <a class="nav-link" [routerLink]="item.path" routerLinkActive="active" ariaCurrentWhenActive="page"
              (click)="open.set(false)">
              <mat-icon aria-hidden="true">{{ item.icon }}</mat-icon>{{ item.label }}
            </a>
          }
        </nav>
      </mat-sidenav>
      <mat-sidenav-content>
        <main class="main"><router-outlet /></main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    .top { position: sticky; top: 0; z-index: 3; height: 56px; display: flex; align-items: center; gap: 12px;
      padding: 0 12px 0 16px; background: var(--ui-surface); border-bottom: 1px solid var(--ui-border); }
    .home { text-decoration: none; display: inline-flex; }
    .tenant { padding-left: 12px; border-left: 1px solid var(--ui-border); font-size: 0.875rem;
      max-width: 240px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .spacer { flex: 1; }
    .body { flex: 1; background: var(--ui-canvas); }
    .side { width: 232px; padding: 12px 8px; box-sizing: border-box; background: var(--ui-surface);
      --mat-sidenav-container-shape: 0;
      border-right: 1px solid var(--ui-border); }
    nav { display: flex; flex-direction: column; gap: 2px; }
    .nav-link { display: flex; align-items: center; gap: 12px; padding: 9px 12px; border-radius: 8px;
      color: var(--ui-ink); text-decoration: none; font-weight: 500; }
    .nav-link mat-icon { color: var(--ui-muted); font-size: 20px; width: 20px; height: 20px; }
    .nav-link:hover { background: #f0f2f8; }
    .nav-link.active { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container);
      font-weight: 600; }
    .nav-link.active mat-icon { color: var(--mat-sys-on-primary-container); }
    .main { padding: 24px; max-width: 1280px; box-sizing: border-box; }
    @media (max-width: 767.98px) { .main { padding: 16px 12px; } }
  `,
})
export class AgentLayoutComponent {
  private readonly store = inject(SessionStore);
  protected readonly session = this.store.session;
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe("(max-width: 767.98px)")
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly open = signal(false);
  protected readonly items = computed(() => {
    const s = this.session();
    return s ? NAV.filter((item) => AREAS[item.area](s)) : [];
  });
}
