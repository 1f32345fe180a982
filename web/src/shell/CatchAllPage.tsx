import { SessionContext } from "../auth/SessionContext.ts";
import { useSession } from "../auth/session.ts";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { AppLayout } from "./AppLayout.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { PublicLayout } from "./PublicLayout.tsx";

/** Unknown routes: "Not found" inside the app for a signed-in user, in the public frame otherwise. */
export function CatchAllPage() {
  const { data: session, isPending } = useSession();
  if (isPending) return <FullPageLoader />;
  if (!session) {
    return (
      <PublicLayout>
        <NotFoundPage />
      </PublicLayout>
    );
  }
  return (
    <SessionContext value={session}>
      <AppLayout>
        <NotFoundPage />
      </AppLayout>
    </SessionContext>
  );
}
