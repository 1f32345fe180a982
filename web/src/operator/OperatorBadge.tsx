import { Badge } from "@mantine/core";

export function OperatorBadge() {
  return (
    <Badge variant="light" color="grape">
      Operator console
    </Badge>
  );
}
