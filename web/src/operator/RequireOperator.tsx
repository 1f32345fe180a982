import { Navigate, Outlet } from "react-router";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { OperatorContext } from "./OperatorContext.ts";
import { useOperatorSession } from "./queries.ts";

/** The operator console's routes, only for a signed-in operator. */
export function RequireOperator() {
  const { data: session, isPending, error, refetch } = useOperatorSession();
  if (isPending) return <FullPageLoader label="Loading the operator session" />;
  if (error && session === undefined) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!session) return <Navigate to="/operator/sign-in" replace />;
  return (
    <OperatorContext value={session}>
      <Outlet />
    </OperatorContext>
  );
}
