import { HttpClient } from "@angular/common/http";
import { Injectable, inject } from "@angular/core";
import { firstValueFrom } from "rxjs";
import type {
  AssetMovement,
  Comment,
  HistoryEntry,
  NewTicket,
  Person,
  StatusCounts,
  Ticket,
  TicketPage,
  TicketPatch,
  Visibility,
} from "./types.ts";

const enc = encodeURIComponent;

/** The agent portal's calls (`/api/tickets…`). Failures reject with ApiProblem (see provideApi). */
@Injectable({ providedIn: "root" })
export class TicketsApi {
  private readonly http = inject(HttpClient);

  queue(query: URLSearchParams): Promise<TicketPage> {
    return firstValueFrom(this.http.get<TicketPage>(`/api/tickets?${query}`));
  }
  counts(): Promise<StatusCounts> {
    return firstValueFrom(this.http.get<StatusCounts>("/api/tickets/counts"));
  }
  agents(): Promise<Person[]> {
    return firstValueFrom(this.http.get<Person[]>("/api/tickets/agents"));
  }
  people(q: string): Promise<Person[]> {
    return firstValueFrom(this.http.get<Person[]>(`/api/tickets/people${q ? `?q=${enc(q)}` : ""}`));
  }
  ticket(number: string): Promise<Ticket> {
    return firstValueFrom(this.http.get<Ticket>(`/api/tickets/${enc(number)}`));
  }
  comments(number: string): Promise<Comment[]> {
    return firstValueFrom(this.http.get<Comment[]>(`/api/tickets/${enc(number)}/comments`));
  }
  history(number: string): Promise<HistoryEntry[]> {
    return firstValueFrom(this.http.get<HistoryEntry[]>(`/api/tickets/${enc(number)}/history`));
  }
  create(input: NewTicket): Promise<Ticket> {
    return firstValueFrom(this.http.post<Ticket>("/api/tickets", input));
  }
  change(id: string, patch: TicketPatch): Promise<Ticket> {
    return firstValueFrom(this.http.patch<Ticket>(`/api/tickets/${enc(id)}`, patch));
  }
  addComment(id: string, body: string, visibility: Visibility): Promise<Comment> {
    return firstValueFrom(this.http.post<Comment>(`/api/tickets/${enc(id)}/comments`, { body, visibility }));
  }
  /** The movements of a ticket's asset, newest first (`assets:read`). */
  assetMovements(assetId: string): Promise<AssetMovement[]> {
    return firstValueFrom(this.http.get<AssetMovement[]>(`/api/assets/${enc(assetId)}/movements`));
  }
  /** Links the ticket to a movement of its asset, or unlinks it with null (movement_link, tickets:manage). */
  linkMovement(id: string, movementId: string | null): Promise<Ticket> {
    return firstValueFrom(
      this.http.put<Ticket>(`/api/tickets/${enc(id)}/movement`, { movement_id: movementId }),
    );
  }
}
