import { Injectable, inject, signal } from "@angular/core";
import { problemOf, SessionStore } from "@uslimato/web-data-access";
import { Notify } from "@uslimato/web-ui";
import { TicketsApi } from "../common/tickets-api.ts";
import type { Comment, HistoryEntry, Ticket, TicketPatch, Visibility } from "../common/types.ts";

export interface Notice {
  kind: "done" | "failed";
  title: string;
  detail?: string;
}

/**
 * One ticket of the agent portal: the ticket, its comments and history, and changes to it. Whatever a
 * change's outcome the ticket is re-read, so a refused change (someone moved it first, a permission was
 * taken away — the session is re-read too) leaves the page showing the server's true state.
 */
@Injectable()
export class TicketStore {
  private readonly api = inject(TicketsApi);
  private readonly session = inject(SessionStore);
  private readonly notify = inject(Notify);
  private number = "";

  readonly ticket = signal<Ticket | null>(null);
  readonly comments = signal<Comment[] | null>(null);
  readonly history = signal<HistoryEntry[] | null>(null);
  readonly error = signal<unknown>(null);
  readonly notFound = signal(false);
  readonly busy = signal<string | null>(null);
  readonly notice = signal<Notice | null>(null);

  async open(number: string): Promise<void> {
    if (number !== this.number) {
      this.number = number;
      this.ticket.set(null);
      this.comments.set(null);
      this.history.set(null);
      this.notice.set(null);
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    const number = this.number;
    try {
      const [ticket, comments, history] = await Promise.all([
        this.api.ticket(number),
        this.api.comments(number),
        this.api.history(number),
      ]);
      if (number !== this.number) return;
      this.ticket.set(ticket);
      this.comments.set(comments);
      this.history.set(history);
      this.error.set(null);
      this.notFound.set(false);
    } catch (err) {
      if (number !== this.number) return;
      if (problemOf(err).status === 404) this.notFound.set(true);
      else this.error.set(err);
    }
  }

  /** Sends `patch`; `busyKey` marks the button that is working. Resolves true when accepted. */
  async change(
    patch: TicketPatch,
    words: { success?: string; failure: string },
    busyKey = "change",
  ): Promise<boolean> {
    const ticket = this.ticket();
    if (!ticket) return false;
    this.busy.set(busyKey);
    this.notice.set(null);
    try {
      await this.api.change(ticket.id, patch);
      if (words.success) this.notice.set({ kind: "done", title: words.success });
      return true;
    } catch (err) {
      const p = problemOf(err);
      this.notice.set({ kind: "failed", title: words.failure, detail: p.detail ?? p.title });
      // Permissions may have changed since sign-in: the moves offered come from the session.
      if (p.status === 403 || p.status === 409) await this.session.load(true).catch(() => null);
      return false;
    } finally {
      await this.reload();
      this.busy.set(null);
    }
  }

  /**
   * Links the ticket to a movement of its asset (or unlinks it with null); the outcome is a snackbar.
   * A 403 (movement_link turned off, a permission taken away) re-reads the session, which hides the choice.
   */
  async linkMovement(movementId: string | null): Promise<boolean> {
    const ticket = this.ticket();
    if (!ticket) return false;
    this.busy.set("movement");
    this.notice.set(null);
    try {
      await this.api.linkMovement(ticket.id, movementId);
      this.notify.done(movementId ? "Movement linked" : "Movement unlinked");
      return true;
    } catch (err) {
      this.notify.failed(movementId ? "Could not link the movement" : "Could not unlink the movement", err);
      if (problemOf(err).status === 403) await this.session.load(true).catch(() => null);
      return false;
    } finally {
      await this.reload();
      this.busy.set(null);
    }
  }

  async comment(body: string, visibility: Visibility): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) return;
    try {
      await this.api.addComment(ticket.id, body, visibility);
    } finally {
      await this.reload();
    }
  }
}
