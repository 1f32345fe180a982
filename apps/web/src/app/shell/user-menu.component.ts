import { ChangeDetectionStrategy, Component, inject } from "@angular/core";
import { MatButton } from "@angular/material/button";
import { MatIcon } from "@angular/material/icon";
import { MatMenu, MatMenuItem, MatMenuTrigger } from "@angular/material/menu";
import { Router } from "@angular/router";
import { SessionStore } from "@uslimato/web-data-access";

/** Who is signed in (and where), and "Sign out". */
@Component({
  selector: "us-user-menu",
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button type="button" [matMenuTriggerFor]="menu" class="trigger">
      <span class="avatar" aria-hidden="true">{{ initials() }}</span>
      <span class="name">{{ store.session()?.user?.name }}</span>
      <mat-icon iconPositionEnd aria-hidden="true">expand_more</mat-icon>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <div class="who" role="presentation">
        <strong>{{ store.session()?.user?.name }}</strong>
        <span class="ui-muted">{{ store.session()?.user?.email }}</span>
        <span class="ui-muted">{{ store.session()?.tenant?.name }}</span>
      </div>
      <button mat-menu-item type="button" (click)="signOut()"><mat-icon aria-hidden="true">logout</mat-icon>Sign out</button>
    </mat-menu>
  `,
  styles: `
    .trigger { max-width: 260px; }
    .avatar { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%;
      background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); font-size: 0.75rem;
      font-weight: 700; margin-right: 8px; }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    /* On a phone the name is for screen readers only (it stays the button's name). */
    @media (max-width: 767.98px) { .name { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); } }
    .who { display: flex; flex-direction: column; gap: 2px; padding: 8px 16px 12px; font-size: 0.875rem;
      border-bottom: 1px solid var(--ui-border); margin-bottom: 4px; }
  `,
})
export class UserMenuComponent {
  protected readonly store = inject(SessionStore);
  private readonly router = inject(Router);

  protected initials(): string {
    const name = this.store.session()?.user.name ?? "";
    return name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("");
  }

  protected async signOut(): Promise<void> {
    await this.store.signOut().catch(() => undefined);
    await this.router.navigateByUrl("/sign-in");
  }
}
