import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { useRefresh } from "../queryClient.ts";
import type { Comment, HistoryEntry, Ticket, TicketPage } from "../tickets/types.ts";

export type DeskState = "open" | "done" | "all";

export const deskKeys = {
  all: ["desk"] as const,
  list: (state: DeskState, q: string) => ["desk", "list", state, q] as const,
  detail: (number: string) => ["desk", "detail", number] as const,
  comments: (number: string) => ["desk", "comments", number] as const,
  history: (number: string) => ["desk", "history", number] as const,
};

const enc = encodeURIComponent;
/** A reporter's open ticket is looked at again now and then: agents answer without the page knowing. */
const POLL_MS = 20_000;

export function useMyTickets(state: DeskState, q: string) {
  return useInfiniteQuery({
    queryKey: deskKeys.list(state, q),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ state, limit: "20" });
      if (q.trim()) params.set("q", q.trim());
      if (pageParam) params.set("cursor", pageParam);
      return api.get<TicketPage>(`/api/desk/tickets?${params}`);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDeskTicket(number: string) {
  return useQuery({
    queryKey: deskKeys.detail(number),
    queryFn: () => api.get<Ticket>(`/api/desk/tickets/${enc(number)}`),
    refetchInterval: POLL_MS,
  });
}

export function useDeskComments(number: string, enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.comments(number),
    queryFn: () => api.get<Comment[]>(`/api/desk/tickets/${enc(number)}/comments`),
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function useDeskHistory(number: string, enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.history(number),
    queryFn: () => api.get<HistoryEntry[]>(`/api/desk/tickets/${enc(number)}/history`),
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function useRefreshDesk() {
  return useRefresh(deskKeys.all);
}
