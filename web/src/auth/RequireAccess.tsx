import type { ReactNode } from "react";
import { NotFoundPage } from "../shell/NotFoundPage.tsx";
import { type Area, access } from "./access.ts";
import { useCurrentSession } from "./SessionContext.ts";

/** Renders "Not found" (not "forbidden") when the user may not use the area or its feature is off. */
export function RequireAccess({ area, children }: { area: Area; children: ReactNode }) {
  const session = useCurrentSession();
  return access[area](session) ? children : <NotFoundPage />;
}
