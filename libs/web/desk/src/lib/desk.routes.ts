import type { Routes } from "@angular/router";
import { DeskLayoutComponent } from "./desk-layout.component.ts";

/** Mounted at /desk by apps/web (lazy; the app's guard checks the desk area). */
export const DESK_ROUTES: Routes = [
  {
    path: "",
    component: DeskLayoutComponent,
    children: [
      {
        path: "",
        pathMatch: "full",
        title: "My tickets · Uslimato",
        loadComponent: () => import("./my-tickets-page.component.ts").then((m) => m.MyTicketsPageComponent),
      },
      {
        path: "tickets/:number",
        title: "Ticket · Uslimato",
        loadComponent: () => import("./desk-ticket-page.component.ts").then((m) => m.DeskTicketPageComponent),
      },
      {
        path: "**",
        title: "Not found · Uslimato",
        loadComponent: () => import("./desk-not-found.component.ts").then((m) => m.DeskNotFoundComponent),
      },
    ],
  },
];
