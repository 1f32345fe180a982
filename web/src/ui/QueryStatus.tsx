import { Alert, Button, Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorMessage } from "../api/errors.ts";

interface QueryStatusProps {
  error: unknown;
  onRetry: () => void;
  label: string;
}

/** Loading and failure states of a list: a spinner, or the server's message with a retry button. */
export function QueryStatus({ error, onRetry, label }: QueryStatusProps) {
  if (!error) {
    return (
      <Center py="xl">
        <Loader aria-label={`Loading ${label}`} />
      </Center>
    );
  }
  return (
    <Alert color="red" title={`Could not load ${label}`}>
      {errorMessage(error)}
      <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}

/** A list from a query: `children` with its items, `empty` when it has none, else its `QueryStatus`. */
export function QueryList<T>({
  query,
  label,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  label: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (!query.data)
    return <QueryStatus error={query.error} onRetry={() => void query.refetch()} label={label} />;
  return query.data.length > 0 ? children(query.data) : empty;
}
