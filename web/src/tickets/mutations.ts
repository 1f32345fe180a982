import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { notifyDone, notifyFailure } from "./common/notify.ts";
import { useRefreshTicket } from "./queries.ts";
import type { Comment, Priority, Status, Ticket, TicketType, Visibility } from "./types.ts";

export interface TicketPatch {
  title?: string;
  description?: string;
  type?: TicketType;
  priority?: Priority;
  status?: Status;
  assignee_id?: string | null;
  reason?: string;
}

export interface ChangeInput {
  patch: TicketPatch;
  /** Shown when the server accepts the change. */
  success?: string;
  /** The notification's title when the server refuses it. */
  failure: string;
}

/**
 * Changes to one ticket. Whatever the outcome the ticket is re-read, so a refused change (someone else
 * moved it first, a permission was taken away) leaves the page showing the server's true state; the
 * server's own message says why.
 */
export function useChangeTicket(ticket: Ticket) {
  const refresh = useRefreshTicket(ticket.number);
  return useMutation({
    mutationFn: ({ patch }: ChangeInput) => api.patch<Ticket>(`/api/tickets/${ticket.id}`, patch),
    onSuccess: (_updated, { success }) => {
      if (success) notifyDone(success);
    },
    onError: (error, { failure }) => notifyFailure(error, failure),
    onSettled: refresh,
  });
}

export function useAddComment(ticket: Ticket) {
  const refresh = useRefreshTicket(ticket.number);
  return useMutation({
    mutationFn: (input: { body: string; visibility: Visibility }) =>
      api.post<Comment>(`/api/tickets/${ticket.id}/comments`, input),
    onSettled: refresh,
  });
}
