import { Button, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link } from "react-router";

/** Shown for unknown routes and for areas the user may not use (which must not reveal they exist). */
export function NotFoundPage({ home = "/" }: { home?: string }) {
  useDocumentTitle("Not found · Uslimato");
  return (
    <Stack align="center" gap="md" py={64} ta="center">
      <Text c="dimmed" fw={700} fz={48} lh={1} aria-hidden>
        404
      </Text>
      <Title order={1} fz="h2">
        Not found
      </Title>
      <Text c="dimmed" maw={460}>
        The page you are looking for does not exist, or it is not available to you.
      </Text>
      <Button component={Link} to={home} variant="light">
        Go to the home page
      </Button>
    </Stack>
  );
}
