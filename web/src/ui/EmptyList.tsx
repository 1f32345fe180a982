import { EmptyState, Paper } from "@mantine/core";
import type { ReactNode } from "react";

function InboxIcon() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M4 13h3l2 3h6l2-3h3" />
      <path d="M4 13l2.5-7h11L20 13v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z" />
    </svg>
  );
}

/** The empty state of a list: a short title and what to do next. */
export function EmptyList({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <Paper withBorder radius="md" py={48} px="lg">
      <EmptyState title={title} description={description} withIndicatorBackground icon={<InboxIcon />} />
    </Paper>
  );
}
