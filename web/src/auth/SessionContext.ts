import { createContext, useContext } from "react";
import type { Session } from "./types.ts";

export const SessionContext = createContext<Session | null>(null);

/** The session of the signed-in user; only inside the signed-in part of the app. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useCurrentSession used outside RequireSession");
  return session;
}
