import { Outlet } from "react-router";
import { LiveContext, useTicketEvents } from "./live.ts";

/** The agent portal's routes share one live connection to the change feed. */
export function TicketsArea() {
  const live = useTicketEvents();
  return (
    <LiveContext value={live}>
      <Outlet />
    </LiveContext>
  );
}
