import { Alert, Button, Center, Loader } from "@mantine/core";
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
