import { createBrowserRouter, Navigate } from "react-router";
import { AssetsPage } from "./assets/AssetsPage.tsx";
import { homePath } from "./auth/access.ts";
import { RequireAccess } from "./auth/RequireAccess.tsx";
import { RequireSession } from "./auth/RequireSession.tsx";
import { useCurrentSession } from "./auth/SessionContext.ts";
import { SignInPage } from "./auth/SignInPage.tsx";
import { DeskPage } from "./desk/DeskPage.tsx";
import { ConsolePage } from "./operator/ConsolePage.tsx";
import { OperatorLayout } from "./operator/OperatorLayout.tsx";
import { OperatorSignInPage } from "./operator/OperatorSignInPage.tsx";
import { RequireOperator } from "./operator/RequireOperator.tsx";
import { PermissionsPage } from "./settings/permissions/PermissionsPage.tsx";
import { SettingsIndexPage } from "./settings/SettingsIndexPage.tsx";
import { UsersPage } from "./settings/users/UsersPage.tsx";
import { AppLayout } from "./shell/AppLayout.tsx";
import { CatchAllPage } from "./shell/CatchAllPage.tsx";
import { NotFoundPage } from "./shell/NotFoundPage.tsx";
import { PublicLayout } from "./shell/PublicLayout.tsx";
import { TicketsPage } from "./tickets/TicketsPage.tsx";

function HomeRedirect() {
  return <Navigate to={homePath(useCurrentSession())} replace />;
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
                <TicketsPage />
              </RequireAccess>
            ),
          },
          {
            path: "desk",
            element: (
              <RequireAccess area="desk">
                <DeskPage />
              </RequireAccess>
            ),
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
        ],
      },
    ],
  },
  { path: "*", element: <CatchAllPage /> },
]);
