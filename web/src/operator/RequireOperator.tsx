import { Outlet } from "react-router";
import { SignedInOnly } from "../ui/SignedInOnly.tsx";
import { OperatorContext } from "./OperatorContext.ts";
import { useOperatorSession } from "./queries.ts";

/** The operator console's routes, only for a signed-in operator. */
export function RequireOperator() {
  const session = useOperatorSession();
  return (
    <SignedInOnly
      session={session}
      loadingLabel="Loading the operator session"
      signInPath="/operator/sign-in"
    >
      {(signedIn) => (
        <OperatorContext value={signedIn}>
          <Outlet />
        </OperatorContext>
      )}
    </SignedInOnly>
  );
}
