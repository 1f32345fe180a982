import { createBrowserRouter, Navigate } from "react-router";
import { AssetsPage } from "./assets/AssetsPage.tsx";
import { access, homePath } from "./auth/access.ts";
import { RequireAccess } from "./auth/RequireAccess.tsx";
import { RequireSession } from "./auth/RequireSession.tsx";
import { useCurrentSession } from "./auth/SessionContext.ts";
import { SignInPage } from "./auth/SignInPage.tsx";
import { DeskLayout } from "./desk/DeskLayout.tsx";
import { DeskPage } from "./desk/DeskPage.tsx";
import { DeskTicketPage } from "./desk/DeskTicketPage.tsx";
import { ConsolePage } from "./operator/ConsolePage.tsx";
import { OperatorLayout } from "./operator/OperatorLayout.tsx";
import { OperatorSignInPage } from "./operator/OperatorSignInPage.tsx";
import { RequireOperator } from "./operator/RequireOperator.tsx";
import { ApiKeysPage } from "./settings/api-keys/ApiKeysPage.tsx";
import { ItsmSettingsPage } from "./settings/itsm/ItsmSettingsPage.tsx";
import { PermissionsPage } from "./settings/permissions/PermissionsPage.tsx";
import { SettingsIndexPage } from "./settings/SettingsIndexPage.tsx";
import { UsersPage } from "./settings/users/UsersPage.tsx";
import { AppLayout } from "./shell/AppLayout.tsx";
import { CatchAllPage } from "./shell/CatchAllPage.tsx";
import { NotFoundPage } from "./shell/NotFoundPage.tsx";
import { PublicLayout } from "./shell/PublicLayout.tsx";
import { TicketPage } from "./tickets/TicketPage.tsx";
import { TicketsArea } from "./tickets/TicketsArea.tsx";
import { TicketsPage } from "./tickets/TicketsPage.tsx";

function HomeRedirect() {
  return <Navigate to={homePath(useCurrentSession())} replace />;
}

/** The desk portal has its own reduced frame; for users without it, "Not found" in the usual frame. */
function DeskGate() {
  return access.desk(useCurrentSession()) ? (
    <DeskLayout />
  ) : (
    <AppLayout>
      <NotFoundPage />
    </AppLayout>
  );
}

export const router = createBrowserRouter([
  { element: <PublicLayout />, children: [{ path: "/sign-in", element: <SignInPage /> }] },
  {
    element: <PublicLayout home="/operator" />,
    children: [{ path: "/operator/sign-in", element: <OperatorSignInPage /> }],
  },
  {
    path: "/operator",
    element: <RequireOperator />,
    children: [
      {
        element: <OperatorLayout />,
        children: [
          { index: true, element: <ConsolePage /> },
          { path: "*", element: <NotFoundPage home="/operator" /> },
        ],
      },
    ],
  },
  {
    path: "/",
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: "assets",
            element: (
              <RequireAccess area="assets">
                <AssetsPage />
              </RequireAccess>
            ),
          },
          {
            path: "tickets",
            element: (
              <RequireAccess area="tickets">
                <TicketsArea />
              </RequireAccess>
            ),
            children: [
              { index: true, element: <TicketsPage /> },
              { path: ":number", element: <TicketPage /> },
            ],
          },
          { path: "settings", element: <SettingsIndexPage /> },
          {
            path: "settings/users",
            element: (
              <RequireAccess area="users">
                <UsersPage />
              </RequireAccess>
            ),
          },
          {
            path: "settings/permissions",
            element: (
              <RequireAccess area="users">
                <PermissionsPage />
              </RequireAccess>
            ),
          },
          { path: "settings/itsm", element: <ItsmSettingsPage /> },
          { path: "settings/api-keys", element: <ApiKeysPage /> },
        ],
      },
      {
        path: "desk",
        element: <DeskGate />,
        children: [
          { index: true, element: <DeskPage /> },
          { path: "tickets/:number", element: <DeskTicketPage /> },
          { path: "*", element: <NotFoundPage home="/desk" /> },
        ],
      },
    ],
  },
  { path: "*", element: <CatchAllPage /> },
]);
