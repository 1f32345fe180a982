import { ChangeDetectionStrategy, Component, computed, inject } from "@angular/core";
import { MatButton } from "@angular/material/button";
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from "@angular/router";
import { AREAS, SessionStore } from "@uslimato/web-data-access";
import { BrandComponent } from "@uslimato/web-ui";

/**
 * The desk portal's own frame: the reporter's tickets and their account, nothing of the agent or admin
 * side (an agent who opens the desk gets one link back to the agent portal; someone who may see assets, one
 * to the assets, where "Report issue" files a ticket about one).
 */
@Component({
  selector: "us-desk-layout",
  imports: [BrandComponent, MatButton, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="top">
      <a routerLink="/desk" class="home"><ui-brand /></a>
      <nav aria-label="Desk">
        <a routerLink="/desk" routerLinkActive="active" ariaCurrentWhenActive="page" [routerLinkActiveOptions]="{ exact: false }">My tickets</a>
        @if (agent()) {
          <a routerLink="/tickets">Agent portal</a>
        } @else if (assets()) {
          <a routerLink="/assets">Assets</a>
        }
      </nav>
      <span class="spacer"></span>
      <span class="who ui-muted">{{ store.session()?.user?.name }}</span>
      <button mat-button type="button" (click)="signOut()">Sign out</button>
    </header>
    <main class="main"><router-outlet /></main>
  `,
  styles: `
    :host { display: block; min-height: 100vh; }
    .top { position: sticky; top: 0; z-index: 3; display: flex; align-items: center; gap: 8px 16px; height: 56px;
      padding: 0 12px 0 16px; background: var(--ui-surface); border-bottom: 1px solid var(--ui-border); }
    .home { text-decoration: none; display: inline-flex; }
    nav { display: flex; gap: 4px; }
    nav a { padding: 6px 10px; border-radius: 8px; text-decoration: none; color: var(--ui-ink); font-weight: 500;
      font-size: 0.875rem; white-space: nowrap; }
    nav a.active { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); font-weight: 650; }
    .spacer { flex: 1; }
    .who { font-size: 0.875rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 200px; }
    .main { max-width: 1040px; margin: 0 auto; padding: 24px 16px 48px; box-sizing: border-box; }
    @media (max-width: 599.98px) {
      .top { gap: 4px; padding: 0 4px 0 12px; }
      .who { display: none; }
      .home ::ng-deep .name { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      .main { padding: 16px 12px 40px; }
    }
  `,
})
export class DeskLayoutComponent {
  protected readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly agent = computed(() => {
    const s = this.store.session();
    return s !== null && AREAS.tickets(s);
  });
  protected readonly assets = computed(() => {
    const s = this.store.session();
    return s !== null && AREAS.assets(s);
  });

  protected async signOut(): Promise<void> {
    await this.store.signOut().catch(() => undefined);
    await this.router.navigateByUrl("/sign-in");
  }
}
