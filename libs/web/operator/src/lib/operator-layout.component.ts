import { ChangeDetectionStrategy, Component, inject } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { Router, RouterLink, RouterOutlet } from "@angular/router";
import { OperatorSessionStore } from "./operator-session.store.ts";

/** The operator console frame: the Uslimato team's own header, no tenant navigation. */
@Component({
  selector: "us-operator-layout",
  imports: [MatButtonModule, RouterLink, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <a routerLink="/operator" class="brand"><span class="logo" aria-hidden="true">U</span><span class="word">Uslimato</span></a>
      <span class="badge">Operator console</span>
      <span class="spacer"></span>
      <span class="who" title="Signed in as operator">{{ store.email() }}</span>
      <button matButton type="button" (click)="signOut()">Sign out</button>
    </header>
    <main class="main"><router-outlet /></main>
  `,
  styles: `
    :host { display: block; min-height: 100dvh; background: var(--mat-sys-surface-container-lowest, #fafafa); }
    .bar { position: sticky; top: 0; z-index: 2; display: flex; align-items: center; gap: 12px; height: 56px;
      padding: 0 16px; background: var(--mat-sys-surface); border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .brand { display: flex; align-items: center; gap: 8px; font-weight: 700; color: inherit; text-decoration: none; }
    .logo { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 8px;
      background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); }
    .badge { font-size: 0.75rem; font-weight: 600; padding: 2px 8px; border-radius: 999px; white-space: nowrap;
      background: #ede4fb; color: #45237f; }
    .spacer { flex: 1; }
    .who { max-width: 240px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
      color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .main { max-width: 1280px; margin: 0 auto; padding: 24px 16px 48px; }
    @media (max-width: 600px) {
      .who { display: none; }
      /* Still the link's name for screen readers. */
      .word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    }
  `,
})
export class OperatorLayoutComponent {
  protected readonly store = inject(OperatorSessionStore);
  private readonly router = inject(Router);

  protected async signOut(): Promise<void> {
    await this.store.signOut().catch(() => undefined);
    await this.router.navigateByUrl("/operator/sign-in");
  }
}
