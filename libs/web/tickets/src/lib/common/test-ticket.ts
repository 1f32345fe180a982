import type { Ticket } from "./types.ts";

/**
 * A ticket as the API answers it, for specs: TKT-000001, an open medium incident "Printer offline" reported
 * by Rita, unassigned, no asset — with `patch` on top.
 */
export function testTicket(patch: Partial<Ticket> = {}): Ticket {
  return {
    id: "id-1",
    number: "TKT-000001",
    type: "incident",
    status: "open",
    priority: "medium",
    title: "Printer offline",
    description: "",
    reporter: { id: "rita", name: "Rita Reporter", email: "rita@x.test" },
    assignee: null,
    asset_id: null,
    movement_id: null,
    asset: null,
    movement: null,
    cancel_reason: null,
    created_at: "2026-01-01T10:00:00Z",
    updated_at: "2026-01-01T10:00:00Z",
    resolved_at: null,
    closed_at: null,
    ...patch,
  };
}
