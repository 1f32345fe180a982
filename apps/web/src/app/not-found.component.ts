import { ChangeDetectionStrategy, Component } from "@angular/core";
import { RouterLink } from "@angular/router";

/** Unknown addresses, and areas this session may not use (never "forbidden": it does not exist for them). */
@Component({
  selector: "app-not-found",
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: "app-not-found" },
  template: `
    <main class="ui-card not-found">
      <h1>Not found</h1>
      <p class="ui-muted">This page does not exist, or you do not have access to it.</p>
      <a routerLink="/">Go to the start page</a>
    </main>
  `,
  styles: `
    :host { display: flex; justify-content: center; padding: 64px 16px; }
    .not-found { max-width: 440px; width: 100%; text-align: center; padding: 32px 24px; }
    h1 { margin: 0 0 8px; font-size: 1.5rem; }
  `,
})
export class NotFoundComponent {}
