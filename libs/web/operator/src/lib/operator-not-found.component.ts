import { ChangeDetectionStrategy, Component } from "@angular/core";
import { MatButtonModule } from "@angular/material/button";
import { RouterLink } from "@angular/router";

@Component({
  selector: "us-operator-not-found",
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="title">Not found</h1>
    <p>There is no such page in the operator console.</p>
    <a matButton="filled" routerLink="/operator">Back to the tenants</a>
  `,
  styles: `
    :host { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; padding: 48px 0; }
    .title { margin: 0; font: var(--mat-sys-headline-small); font-weight: 600; }
  `,
})
export class OperatorNotFoundComponent {}
