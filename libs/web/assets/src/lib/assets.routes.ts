import type { Routes } from "@angular/router";

/** Mounted at /assets by apps/web (lazy; the app's guard checks the assets area). */
export const ASSETS_ROUTES: Routes = [
  {
    path: "",
    pathMatch: "full",
    title: "Assets · Uslimato",
    loadComponent: () => import("./asset-list-page.component.ts").then((m) => m.AssetListPageComponent),
  },
  {
    path: ":id",
    title: "Asset · Uslimato",
    loadComponent: () => import("./asset-page.component.ts").then((m) => m.AssetPageComponent),
  },
];
