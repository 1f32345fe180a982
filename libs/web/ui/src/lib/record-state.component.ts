import { ChangeDetectionStrategy, Component, input, output } from "@angular/core";
import { ErrorStateComponent } from "./error-state.component.ts";
import { LoadingStateComponent } from "./loading-state.component.ts";
import { PageHeaderComponent } from "./page-header.component.ts";

/**
 * What a page about one record (a ticket) shows until it has the record: "Not found" with the projected
 * way back, the load error with "Try again", or the spinner. The host takes no box (`display: contents`),
 * so these sit in the page's own layout as if the page had written them.
 */
@Component({
  selector: "ui-record-state",
  imports: [ErrorStateComponent, LoadingStateComponent, PageHeaderComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <ui-page-header title="Not found" [subtitle]="'This ' + what() + ' does not exist, or you do not have access to it.'" />
      <ng-content />
    } @else if (error()) {
      <ui-error-state [error]="error()" [title]="'Could not load the ' + what()" (retry)="retry.emit()" />
    } @else {
      <ui-loading-state [label]="'Loading the ' + what() + '…'" />
    }
  `,
  styles: `:host { display: contents; }`,
})
export class RecordStateComponent {
  /** The record in words: "ticket" → "Loading the ticket…", "Could not load the ticket". */
  readonly what = input.required<string>();
  /** The server answered 404: "Not found" and the projected content (a link back). */
  readonly notFound = input(false);
  /** The load failed otherwise (an ApiProblem): shown with "Try again", which emits `retry`. */
  readonly error = input<unknown>(null);
  readonly retry = output<void>();
}
