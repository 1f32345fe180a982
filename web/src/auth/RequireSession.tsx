import { Navigate, Outlet } from "react-router";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { SessionContext } from "./SessionContext.ts";
import { useSession } from "./session.ts";

/** Renders its routes only for a signed-in user; sends everyone else to the sign-in page. */
export function RequireSession() {
  const { data: session, isPending, error, refetch } = useSession();
  if (isPending) return <FullPageLoader label="Loading your session" />;
  if (error && session === undefined) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!session) return <Navigate to="/sign-in" replace />;
  return (
    <SessionContext value={session}>
      <Outlet />
    </SessionContext>
  );
}
