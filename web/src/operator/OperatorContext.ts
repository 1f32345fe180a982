import { createContext, useContext } from "react";
import type { OperatorSession } from "./types.ts";

export const OperatorContext = createContext<OperatorSession | null>(null);

export function useCurrentOperator(): OperatorSession {
  const session = useContext(OperatorContext);
  if (!session) throw new Error("useCurrentOperator used outside RequireOperator");
  return session;
}
