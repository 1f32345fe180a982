import { Alert, Button, Center, Container } from "@mantine/core";
import { errorMessage } from "../api/errors.ts";

/** Full-page failure (e.g. the server is down while loading the session), with a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center mih="100vh">
      <Container size={460} w="100%">
        <Alert color="red" title="Uslimato is not reachable right now">
          {errorMessage(error)}
          <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
            Try again
          </Button>
        </Alert>
      </Container>
    </Center>
  );
}
