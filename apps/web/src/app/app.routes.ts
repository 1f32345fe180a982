import type { Routes } from "@angular/router";
import { area, homeRedirect, signedIn, signedOut } from "./guards.ts";
import { NotFoundComponent } from "./not-found.component.ts";

const notFound = { path: "**", title: "Not found · Uslimato", component: NotFoundComponent };

/**
 * The shells: sign-in, the operator console, the desk (its own reduced layout) and the agent shell
 * (Assets, Tickets, Settings). Every area is lazy and loads only its own code.
 */
export const APP_ROUTES: Routes = [
  {
    path: "sign-in",
    title: "Sign in · Uslimato",
    canMatch: [signedOut],
    loadComponent: () => import("./sign-in/sign-in-page.component.ts").then((m) => m.SignInPageComponent),
  },
  {
    path: "operator",
    loadChildren: () => import("@uslimato/web-operator").then((m) => m.OPERATOR_ROUTES),
  },
  {
    path: "desk",
    canMatch: [signedIn, area("desk")],
    loadChildren: () => import("@uslimato/web-desk").then((m) => m.DESK_ROUTES),
  },
  {
    path: "",
    canMatch: [signedIn],
    loadComponent: () => import("./shell/agent-layout.component.ts").then((m) => m.AgentLayoutComponent),
    children: [
      { path: "", pathMatch: "full", redirectTo: homeRedirect },
      {
        path: "assets",
        canMatch: [area("assets")],
        loadChildren: () => import("@uslimato/web-assets").then((m) => m.ASSETS_ROUTES),
      },
      {
        path: "tickets",
        canMatch: [area("tickets")],
        loadChildren: () => import("@uslimato/web-tickets").then((m) => m.TICKETS_ROUTES),
      },
      {
        path: "settings",
        canMatch: [area("settings")],
        loadChildren: () => import("@uslimato/web-settings").then((m) => m.SETTINGS_ROUTES),
      },
      notFound,
    ],
  },
  notFound,
];
