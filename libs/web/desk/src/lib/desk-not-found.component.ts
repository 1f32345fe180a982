import { ChangeDetectionStrategy, Component } from "@angular/core";
import { RouterLink } from "@angular/router";
import { PageHeaderComponent } from "@uslimato/web-ui";

/** Unknown desk addresses, someone else's ticket and a ticket that does not exist read the same. */
@Component({
  selector: "us-desk-not-found",
  imports: [PageHeaderComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header title="Not found" subtitle="This page does not exist, or you do not have access to it." />
    <a routerLink="/desk">Go to my tickets</a>
  `,
})
export class DeskNotFoundComponent {}
