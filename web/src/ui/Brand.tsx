import { Anchor, Group, Text, ThemeIcon } from "@mantine/core";
import { Link } from "react-router";

/** The product name in the header, linking home. */
export function Brand({ to = "/" }: { to?: string }) {
  return (
    <Anchor component={Link} to={to} underline="never" c="inherit">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
          <Text fw={800} fz="md" c="white" component="span">
            U
          </Text>
        </ThemeIcon>
        <Text fw={700} fz="lg" component="span">
          Uslimato
        </Text>
      </Group>
    </Anchor>
  );
}
