import { DestroyRef, Injectable, inject, signal } from "@angular/core";

export type FeedState = "connecting" | "live" | "reconnecting";

/**
 * The server's change feed (`GET /api/tickets/events`, server-sent events) as signals: `version` goes up
 * whenever a ticket of the workspace changes (and after a reconnect, since changes may have been missed),
 * so pages re-read in an effect. EventSource reconnects on its own. Provide it per page (not root) so
 * the connection closes with the page.
 */
@Injectable()
export class TicketFeed {
  private readonly stateSignal = signal<FeedState>("connecting");
  private readonly versionSignal = signal(0);
  readonly state = this.stateSignal.asReadonly();
  readonly version = this.versionSignal.asReadonly();

  constructor() {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/tickets/events");
    let dropped = false;
    const bump = () => this.versionSignal.update((v) => v + 1);
    source.addEventListener("open", () => {
      this.stateSignal.set("live");
      if (dropped) bump();
      dropped = false;
    });
    source.addEventListener("changed", bump);
    source.addEventListener("error", () => {
      dropped = true;
      this.stateSignal.set("reconnecting");
    });
    inject(DestroyRef).onDestroy(() => source.close());
  }
}
