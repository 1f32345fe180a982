import { ChangeDetectionStrategy, Component, input } from "@angular/core";
import { PlainTextComponent } from "./plain-text.component.ts";

let nextId = 0;

/** A ticket's "Description" card (agent and desk ticket pages): the text with its links, or "No description." */
@Component({
  selector: "us-ticket-description",
  imports: [PlainTextComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ui-card" [attr.aria-labelledby]="headingId">
      <h2 [id]="headingId">Description</h2>
      @if (text().trim()) {
        <us-plain-text [text]="text()" />
      } @else {
        <p class="ui-muted">No description.</p>
      }
    </section>
  `,
  // The host takes no box: the card stands in the page's own column, as before.
  styles: ":host { display: contents; }",
})
export class TicketDescriptionComponent {
  readonly text = input.required<string>();
  protected readonly headingId = `ticket-description-${++nextId}`;
}
