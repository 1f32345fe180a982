import { HttpClient } from "@angular/common/http";
import { Injectable, inject } from "@angular/core";
import type { Comment, HistoryEntry, Ticket, TicketPage } from "@uslimato/web-tickets";
import type { TicketType } from "@uslimato/web-ui";
import { firstValueFrom } from "rxjs";

export type DeskState = "open" | "done" | "all";
const enc = encodeURIComponent;

/** The desk portal's calls (`/api/desk/…`): only the reporter's own tickets, public history only. */
@Injectable({ providedIn: "root" })
export class DeskApi {
  private readonly http = inject(HttpClient);

  mine(state: DeskState, q: string, cursor?: string): Promise<TicketPage> {
    const params = new URLSearchParams({ state, limit: "20" });
    if (q.trim()) params.set("q", q.trim());
    if (cursor) params.set("cursor", cursor);
    return firstValueFrom(this.http.get<TicketPage>(`/api/desk/tickets?${params}`));
  }
  /** `asset_id`: the asset the ticket concerns ("Report issue"; ignored with asset_integration off). */
  create(input: {
    title: string;
    description: string;
    type: TicketType;
    asset_id?: string;
  }): Promise<Ticket> {
    return firstValueFrom(this.http.post<Ticket>("/api/desk/tickets", input));
  }
  ticket(number: string): Promise<Ticket> {
    return firstValueFrom(this.http.get<Ticket>(`/api/desk/tickets/${enc(number)}`));
  }
  comments(number: string): Promise<Comment[]> {
    return firstValueFrom(this.http.get<Comment[]>(`/api/desk/tickets/${enc(number)}/comments`));
  }
  history(number: string): Promise<HistoryEntry[]> {
    return firstValueFrom(this.http.get<HistoryEntry[]>(`/api/desk/tickets/${enc(number)}/history`));
  }
  addComment(id: string, body: string): Promise<Comment> {
    return firstValueFrom(this.http.post<Comment>(`/api/desk/tickets/${enc(id)}/comments`, { body }));
  }
  confirm(id: string): Promise<Ticket> {
    return firstValueFrom(this.http.post<Ticket>(`/api/desk/tickets/${enc(id)}/confirm`, {}));
  }
  reject(id: string, comment: string): Promise<Ticket> {
    return firstValueFrom(this.http.post<Ticket>(`/api/desk/tickets/${enc(id)}/reject`, { comment }));
  }
}
