import type { Routes } from "@angular/router";

/** Mounted at /tickets by the agent shell (lazy; the shell's guard checks the area). */
export const TICKETS_ROUTES: Routes = [
  {
    path: "",
    pathMatch: "full",
    title: "Tickets · Uslimato",
    loadComponent: () => import("./queue/queue-page.component.ts").then((m) => m.QueuePageComponent),
  },
  {
    path: ":number",
    title: "Ticket · Uslimato",
    loadComponent: () => import("./ticket/ticket-page.component.ts").then((m) => m.TicketPageComponent),
  },
];
