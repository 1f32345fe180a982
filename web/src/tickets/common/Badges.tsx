import { Badge, type BadgeProps } from "@mantine/core";
import type { Priority, Status } from "../types.ts";
import { PRIORITY_COLOR, PRIORITY_LABEL, STATUS_COLOR, STATUS_LABEL } from "./labels.ts";

type Props = Omit<BadgeProps, "color" | "children">;

export function StatusBadge({ status, ...props }: { status: Status } & Props) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} c={`${STATUS_COLOR[status]}.9`} tt="none" {...props}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority, ...props }: { priority: Priority } & Props) {
  const color = PRIORITY_COLOR[priority];
  return (
    <Badge
      variant={priority === "critical" ? "filled" : "outline"}
      color={priority === "critical" ? "red.8" : color}
      c={priority === "critical" ? "white" : `${color}.9`}
      tt="none"
      {...props}
    >
      {PRIORITY_LABEL[priority]}
    </Badge>
  );
}
