import { inject } from "@angular/core";
import { Router, type Routes } from "@angular/router";
import { SessionStore } from "@uslimato/web-data-access";
import { SETTINGS_PAGES, settingsPage } from "./settings-access.ts";
import { SettingsLayoutComponent } from "./settings-layout.component.ts";

/** Mounted under /settings by the agent shell (lazy). A page this session may not use is "Not found". */
export const SETTINGS_ROUTES: Routes = [
  {
    path: "",
    component: SettingsLayoutComponent,
    children: [
      {
        path: "",
        pathMatch: "full",
        // The first page this session may use; none at all: the app's "Not found".
        redirectTo: () => {
          const session = inject(SessionStore);
          const first = SETTINGS_PAGES.find((p) => p.allowed(session));
          return first ? `/settings/${first.path}` : inject(Router).parseUrl("/not-found");
        },
      },
      {
        path: "users",
        title: "Users · Settings",
        canMatch: [settingsPage("users")],
        loadComponent: () => import("./users/users-page.component.ts").then((m) => m.UsersPageComponent),
      },
      {
        path: "permissions",
        title: "Permissions · Settings",
        canMatch: [settingsPage("permissions")],
        loadComponent: () =>
          import("./permissions/permissions-page.component.ts").then((m) => m.PermissionsPageComponent),
      },
      {
        path: "itsm",
        title: "ITSM · Settings",
        canMatch: [settingsPage("itsm")],
        pathMatch: "full",
        loadComponent: () => import("./itsm/itsm-page.component.ts").then((m) => m.ItsmPageComponent),
      },
      {
        path: "itsm/email-templates",
        title: "Email templates · Settings",
        canMatch: [settingsPage("itsm/email-templates")],
        loadComponent: () =>
          import("./email-templates/email-templates-page.component.ts").then(
            (m) => m.EmailTemplatesPageComponent,
          ),
      },
      {
        path: "api-keys",
        title: "API keys · Settings",
        canMatch: [settingsPage("api-keys")],
        loadComponent: () =>
          import("./api-keys/api-keys-page.component.ts").then((m) => m.ApiKeysPageComponent),
      },
    ],
  },
];
