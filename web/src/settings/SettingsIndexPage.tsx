import { Stack } from "@mantine/core";
import { Navigate } from "react-router";
import { access } from "../auth/access.ts";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { NotFoundPage } from "../shell/NotFoundPage.tsx";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { canManageItsm } from "./itsm/ItsmSettingsPage.tsx";

/** `/settings`: the first settings page this user may use. */
export function SettingsIndexPage() {
  const session = useCurrentSession();
  if (access.users(session)) return <Navigate to="/settings/users" replace />;
  if (!access.settings(session)) return <NotFoundPage />;
  if (canManageItsm(session)) return <Navigate to="/settings/itsm" replace />;
  return (
    <Stack gap="lg">
      <PageHeader title="Settings" description="Workspace settings." />
      <EmptyList
        title="Nothing to configure yet"
        description="Settings you may change will be listed here."
      />
    </Stack>
  );
}
