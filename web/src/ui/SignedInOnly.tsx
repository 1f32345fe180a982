import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { FullPageLoader } from "./FullPageLoader.tsx";
import { LoadError } from "./LoadError.tsx";

/**
 * Renders `children` with the session once it is known; sends anyone not signed in to `signInPath`. While
 * it loads, a full-page spinner; when it cannot be read (and none was held), the failure with a retry.
 */
export function SignedInOnly<T>({
  session,
  loadingLabel,
  signInPath,
  children,
}: {
  session: UseQueryResult<T | null>;
  loadingLabel: string;
  signInPath: string;
  children: (session: T) => ReactNode;
}) {
  const { data, isPending, error, refetch } = session;
  if (isPending) return <FullPageLoader label={loadingLabel} />;
  if (error && data === undefined) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Navigate to={signInPath} replace />;
  return children(data);
}
