import { Badge, Box, Group, Paper, Stack, Text } from "@mantine/core";
import type { Comment, HistoryEntry } from "../types.ts";
import { DotIcon, LockIcon, ReplyIcon, UserIcon } from "./icons.tsx";
import { describeHistory } from "./labels.ts";
import { PlainText } from "./PlainText.tsx";
import { RelativeTime } from "./RelativeTime.tsx";

type Item =
  | { kind: "comment"; at: number; order: number; comment: Comment }
  | { kind: "history"; at: number; order: number; entry: HistoryEntry };

/**
 * Comments and history in time order. Comment history rows are left out: the comment itself is shown.
 * Entries written in one transaction share a time; they keep the server's order, history first.
 */
export function mergeTimeline(comments: Comment[], history: HistoryEntry[]): Item[] {
  const items: Item[] = [
    ...history
      .filter((entry) => entry.kind !== "comment")
      .map((entry, i) => ({ kind: "history" as const, at: Date.parse(entry.created_at), order: i, entry })),
    ...comments.map((comment, i) => ({
      kind: "comment" as const,
      at: Date.parse(comment.created_at),
      order: 100_000 + i,
      comment,
    })),
  ];
  return items.sort((a, b) => a.at - b.at || a.order - b.order);
}

/** Who reads the timeline: an agent, or the reporter in the desk portal (who never sees internal notes). */
export type Audience = "agent" | "reporter";

/** What an external comment is called, by who wrote it (the reporter or the service desk) and who reads. */
const EXTERNAL_LABEL: Record<Audience, { reporter: string; desk: string }> = {
  agent: { reporter: "From reporter", desk: "Reply to reporter" },
  reporter: { reporter: "You wrote", desk: "Service desk" },
};

/** How a comment is labelled, for agents: internal notes and replies never look alike. */
function commentKind(comment: Comment, reporterId: string, audience: Audience) {
  if (comment.visibility === "internal") {
    return {
      label: "Internal note",
      color: "yellow",
      bg: "var(--mantine-color-yellow-0)",
      icon: <LockIcon size={14} />,
    };
  }
  const labels = EXTERNAL_LABEL[audience];
  return comment.author?.id === reporterId
    ? { label: labels.reporter, color: "gray", bg: "var(--mantine-color-body)", icon: <UserIcon size={14} /> }
    : {
        label: labels.desk,
        color: "blue",
        bg: "var(--mantine-color-blue-0)",
        icon: <ReplyIcon size={14} />,
      };
}

function CommentCard({
  comment,
  reporterId,
  audience,
}: {
  comment: Comment;
  reporterId: string;
  audience: Audience;
}) {
  const kind = commentKind(comment, reporterId, audience);
  const internal = comment.visibility === "internal";
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      bg={kind.bg}
      data-visibility={comment.visibility}
      aria-label={`${kind.label} by ${comment.author?.name ?? "a former user"}`}
      style={{
        borderLeft: `4px solid var(--mantine-color-${kind.color}-${internal ? 6 : 7})`,
        borderStyle: internal ? "dashed" : undefined,
        borderLeftStyle: "solid",
      }}
    >
      <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {comment.author?.name ?? "A former user"}
          </Text>
          <Badge
            variant={internal ? "filled" : "light"}
            color={internal ? "yellow.3" : `${kind.color}`}
            c={internal ? "dark.8" : `${kind.color}.9`}
            leftSection={kind.icon}
            tt="none"
            radius="sm"
          >
            {kind.label}
          </Badge>
        </Group>
        <RelativeTime iso={comment.created_at} size="xs" />
      </Group>
      <PlainText text={comment.body} size="sm" />
    </Paper>
  );
}

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" px="xs">
      <Box c="gray.6" pt={4} style={{ flexShrink: 0 }}>
        <DotIcon size={10} />
      </Box>
      <Text size="sm" c="var(--mantine-color-text)">
        {describeHistory(entry)}
        <Text span size="xs" c="dimmed">
          {" "}
          · {entry.actor?.name ?? "System"} ·{" "}
        </Text>
        <RelativeTime iso={entry.created_at} size="xs" />
      </Text>
    </Group>
  );
}

export function TicketTimeline({
  comments,
  history,
  reporterId,
  audience,
}: {
  comments: Comment[];
  history: HistoryEntry[];
  reporterId: string;
  audience: Audience;
}) {
  const items = mergeTimeline(comments, history);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened on this ticket yet.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={item.kind === "comment" ? `c-${item.comment.id}` : `h-${item.entry.id}`}>
          {item.kind === "comment" ? (
            <CommentCard comment={item.comment} reporterId={reporterId} audience={audience} />
          ) : (
            <HistoryRow entry={item.entry} />
          )}
        </li>
      ))}
    </Stack>
  );
}
