import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState } from "react";
import { ticketKeys } from "./queries.ts";

/** The ticket data that changes with tickets (agents and people do not). */
const LIVE_KINDS = new Set(["queue", "counts", "detail", "comments", "history"]);

export type LiveState = "connecting" | "live" | "reconnecting";

export const LiveContext = createContext<LiveState>("connecting");

export function useLiveState(): LiveState {
  return useContext(LiveContext);
}

/**
 * Listens to the server's change feed (`GET /api/tickets/events`) and re-reads every ticket query when a
 * ticket of the workspace changes, so the queue and an open ticket refresh by themselves. EventSource
 * reconnects on its own; after a reconnect everything is re-read, since changes may have been missed.
 */
export function useTicketEvents(): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/tickets/events");
    let dropped = false;
    const refresh = () =>
      void queryClient.invalidateQueries({
        queryKey: ticketKeys.all,
        predicate: (query) => LIVE_KINDS.has(String(query.queryKey[1])),
      });
    source.addEventListener("open", () => {
      setState("live");
      if (dropped) refresh();
      dropped = false;
    });
    source.addEventListener("changed", refresh);
    source.addEventListener("error", () => {
      dropped = true;
      setState("reconnecting");
    });
    return () => source.close();
  }, [queryClient]);

  return state;
}
