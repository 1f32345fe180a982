import { Text } from "@mantine/core";
import { formatDateTime, formatRelative } from "./format.ts";

/** "5 minutes ago", with the exact date and time on hover. */
export function RelativeTime({ iso, size }: { iso: string; size: "xs" | "sm" }) {
  return (
    <Text component="time" dateTime={iso} title={formatDateTime(iso)} size={size} c="dimmed">
      {formatRelative(iso)}
    </Text>
  );
}
