import { ChangeDetectionStrategy, Component, inject } from "@angular/core";
import { ActivatedRoute, Router } from "@angular/router";
import { homePath, type Session } from "@uslimato/web-data-access";
import { BrandComponent } from "@uslimato/web-ui";
import { SignInFormComponent } from "./sign-in-form.component.ts";

/** The tenant users' sign-in page; afterwards back to where they were going, or their start page. */
@Component({
  selector: "us-sign-in-page",
  imports: [BrandComponent, SignInFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      <div class="card ui-card">
        <ui-brand />
        <h1>Sign in</h1>
        <p class="ui-muted">Sign in to your Uslimato workspace.</p>
        <us-sign-in-form (signedIn)="done($event)" />
      </div>
    </main>
  `,
  styles: `
    .page { min-height: 100vh; display: flex; align-items: flex-start; justify-content: center; padding: 10vh 16px 32px;
      box-sizing: border-box; background: linear-gradient(180deg, #e9ecf8 0%, var(--ui-canvas) 320px); }
    .card { width: 100%; max-width: 400px; padding: 28px 24px 24px; box-sizing: border-box;
      box-shadow: 0 8px 30px rgb(20 27 92 / 8%); }
    h1 { margin: 20px 0 4px; font-size: 1.375rem; }
    p { margin: 0 0 20px; }
  `,
})
export class SignInPageComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected done(session: Session): void {
    const next = this.route.snapshot.queryParamMap.get("next");
    // Only paths inside the app (no "//host" or scheme): an open redirect otherwise.
    const target = next?.startsWith("/") && !next.startsWith("//") ? next : homePath(session);
    void this.router.navigateByUrl(target, { replaceUrl: true });
  }
}
