import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { useRefresh } from "../queryClient.ts";
import type {
  AgentTicket,
  Comment,
  HistoryEntry,
  Person,
  Priority,
  Status,
  StatusCounts,
  TicketPage,
  TicketType,
} from "./types.ts";

/** Everything of the agent portal lives under "tickets", so one invalidation refreshes it all. */
export const ticketKeys = {
  all: ["tickets"] as const,
  queue: (filters: QueueFilters) => ["tickets", "queue", filters] as const,
  counts: ["tickets", "counts"] as const,
  detail: (number: string) => ["tickets", "detail", number] as const,
  comments: (number: string) => ["tickets", "comments", number] as const,
  history: (number: string) => ["tickets", "history", number] as const,
  agents: ["tickets", "agents"] as const,
  people: (q: string) => ["tickets", "people", q] as const,
};

export type StatusFilter = "active" | "all" | Status;
export type AssigneeFilter = "any" | "me" | "unassigned" | (string & {});

export interface QueueFilters {
  status: StatusFilter;
  type: "" | TicketType;
  priority: "" | Priority;
  assignee: AssigneeFilter;
  q: string;
  sort: "newest" | "oldest";
}

export const ACTIVE_STATUSES: Status[] = ["open", "in_progress", "resolved"];
export const PAGE_SIZE = 25;

export function queueUrl(filters: QueueFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.status === "active") params.set("status", ACTIVE_STATUSES.join(","));
  else if (filters.status !== "all") params.set("status", filters.status);
  if (filters.type) params.set("type", filters.type);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.assignee !== "any") params.set("assignee", filters.assignee);
  if (filters.q.trim()) params.set("q", filters.q.trim());
  params.set("sort", filters.sort);
  params.set("limit", String(PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return `/api/tickets?${params}`;
}

export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ticketKeys.queue(filters),
    queryFn: ({ pageParam }) => api.get<TicketPage>(queueUrl(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCounts() {
  return useQuery({
    queryKey: ticketKeys.counts,
    queryFn: () => api.get<StatusCounts>("/api/tickets/counts"),
  });
}

const enc = encodeURIComponent;

export function useTicket(number: string) {
  return useQuery({
    queryKey: ticketKeys.detail(number),
    queryFn: () => api.get<AgentTicket>(`/api/tickets/${enc(number)}`),
  });
}

export function useComments(number: string) {
  return useQuery({
    queryKey: ticketKeys.comments(number),
    queryFn: () => api.get<Comment[]>(`/api/tickets/${enc(number)}/comments`),
  });
}

export function useHistory(number: string) {
  return useQuery({
    queryKey: ticketKeys.history(number),
    queryFn: () => api.get<HistoryEntry[]>(`/api/tickets/${enc(number)}/history`),
  });
}

export function useAgents() {
  return useQuery({
    queryKey: ticketKeys.agents,
    queryFn: () => api.get<Person[]>("/api/tickets/agents"),
    staleTime: 60_000,
  });
}

export function usePeople(q: string, enabled = true) {
  return useQuery({
    queryKey: ticketKeys.people(q),
    queryFn: () => api.get<Person[]>(`/api/tickets/people${q ? `?q=${enc(q)}` : ""}`),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Re-reads one ticket (fields, allowed moves, comments, history) and the queue around it. */
export function useRefreshTicket(number: string) {
  return useRefresh(
    ticketKeys.detail(number),
    ticketKeys.comments(number),
    ticketKeys.history(number),
    ["tickets", "queue"],
    ticketKeys.counts,
  );
}
