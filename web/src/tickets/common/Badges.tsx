import { Badge, type BadgeProps } from "@mantine/core";
import type { Priority, Status } from "../types.ts";
import { PRIORITY_COLOR, PRIORITY_LABEL, STATUS_COLOR, STATUS_LABEL } from "./labels.ts";

type Props = Omit<BadgeProps, "color" | "children">;

/**
 * Shade 9 text on shade 0 keeps every status above 4.5:1 (Mantine's light variant does not, for teal);
 * a border in the status colour keeps them apart at a glance.
 */
export function StatusBadge({ status, ...props }: { status: Status } & Props) {
  const color = STATUS_COLOR[status];
  return (
    <Badge
      variant="outline"
      color={`${color}.4`}
      bg={`${color}.0`}
      c={`${color}.9`}
      tt="none"
      style={{ overflow: "visible" }}
      {...props}
    >
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** Critical stands out filled; the others are outlined in their colour with dark text. */
export function PriorityBadge({ priority, ...props }: { priority: Priority } & Props) {
  const critical = priority === "critical";
  return (
    <Badge
      variant={critical ? "filled" : "outline"}
      color={critical ? "red.9" : `${PRIORITY_COLOR[priority]}.6`}
      c={critical ? "white" : "dark.7"}
      tt="none"
      style={{ overflow: "visible" }}
      {...props}
    >
      {PRIORITY_LABEL[priority]}
    </Badge>
  );
}
