import { Injectable, inject, signal } from "@angular/core";
import { problemOf } from "@uslimato/web-data-access";
import type { Comment, HistoryEntry, Ticket } from "@uslimato/web-tickets";
import { DeskApi } from "./desk-api.ts";

/** One of the reporter's tickets with its external comments and public history. */
@Injectable()
export class DeskTicketStore {
  private readonly api = inject(DeskApi);
  private number = "";
  readonly ticket = signal<Ticket | null>(null);
  readonly comments = signal<Comment[] | null>(null);
  readonly history = signal<HistoryEntry[] | null>(null);
  readonly notFound = signal(false);
  readonly error = signal<unknown>(null);
  readonly failure = signal<string | null>(null);
  readonly busy = signal(false);

  async open(number: string): Promise<void> {
    if (number !== this.number) {
      this.number = number;
      this.ticket.set(null);
      this.notFound.set(false);
      this.error.set(null);
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    const number = this.number;
    try {
      const ticket = await this.api.ticket(number);
      const [comments, history] = await Promise.all([this.api.comments(number), this.api.history(number)]);
      if (number !== this.number) return;
      this.ticket.set(ticket);
      this.comments.set(comments);
      this.history.set(history);
      this.error.set(null);
    } catch (err) {
      if (number !== this.number) return;
      // Someone else's ticket answers 404 like one that does not exist.
      if (problemOf(err).status === 404) this.notFound.set(true);
      else this.error.set(err);
    }
  }

  /** The reporter confirms the solution (resolved → closed). */
  async confirm(): Promise<void> {
    await this.act("Could not close the ticket", (id) => this.api.confirm(id));
  }

  /** The reporter says it is still a problem (resolved → in progress) with a comment; throws on failure. */
  async reject(comment: string): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) return;
    try {
      await this.api.reject(ticket.id, comment);
    } finally {
      await this.reload();
    }
  }

  async comment(body: string): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) return;
    try {
      await this.api.addComment(ticket.id, body);
    } finally {
      await this.reload();
    }
  }

  private async act(failure: string, call: (id: string) => Promise<unknown>): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await call(ticket.id);
    } catch (err) {
      const p = problemOf(err);
      this.failure.set(`${failure}. ${p.detail ?? p.title}`);
    } finally {
      await this.reload();
      this.busy.set(false);
    }
  }
}
