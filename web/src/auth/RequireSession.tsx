import { Outlet } from "react-router";
import { SignedInOnly } from "../ui/SignedInOnly.tsx";
import { SessionContext } from "./SessionContext.ts";
import { useSession } from "./session.ts";

/** Renders its routes only for a signed-in user; sends everyone else to the sign-in page. */
export function RequireSession() {
  const session = useSession();
  return (
    <SignedInOnly session={session} loadingLabel="Loading your session" signInPath="/sign-in">
      {(signedIn) => (
        <SessionContext value={signedIn}>
          <Outlet />
        </SessionContext>
      )}
    </SignedInOnly>
  );
}
