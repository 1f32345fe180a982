import { Box, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useId, useState } from "react";
import { readableErrors } from "./common/contrast.ts";
import { LockIcon, ReplyIcon } from "./common/icons.tsx";
import { useCommentDraft } from "./common/useCommentDraft.ts";
import { useAddComment } from "./mutations.ts";
import type { Ticket, Visibility } from "./types.ts";

const LOOK: Record<Visibility, { bg: string; border: string; hint: string; submit: string }> = {
  internal: {
    bg: "var(--mantine-color-yellow-0)",
    border: "var(--mantine-color-yellow-6)",
    hint: "Only agents see internal notes. The reporter is not notified.",
    submit: "Add internal note",
  },
  external: {
    bg: "var(--mantine-color-blue-0)",
    border: "var(--mantine-color-blue-7)",
    hint: "The reporter sees this reply in the desk portal and gets it by email.",
    submit: "Send reply to reporter",
  },
};

/**
 * The agent's comment box. It starts on "Internal note", the safe choice; writing to the reporter is a
 * deliberate switch, and the box changes colour and wording so nobody sends one believing it is the other.
 */
export function CommentBox({ ticket }: { ticket: Ticket }) {
  const [visibility, setVisibility] = useState<Visibility>("internal");
  const body = useCommentDraft("body", "Could not add the comment");
  const add = useAddComment(ticket);
  const labelId = useId();
  const look = LOOK[visibility];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!body.text.trim()) {
      body.setError(visibility === "internal" ? "Write the note first" : "Write the reply first");
      return;
    }
    add.mutate(
      { body: body.text, visibility },
      {
        onSuccess: () => {
          body.clear();
          setVisibility("internal");
        },
        onError: body.fail,
      },
    );
  };

  return (
    <Paper
      component="form"
      onSubmit={submit}
      noValidate
      withBorder
      radius="md"
      p="md"
      bg={look.bg}
      style={{ ...readableErrors, borderLeft: `4px solid ${look.border}` }}
      aria-label="New note or reply"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text id={labelId} fw={600} size="sm">
            Who sees it
          </Text>
          <Box role="radiogroup" aria-labelledby={labelId}>
            <SegmentedControl
              name={`visibility-${ticket.id}`}
              value={visibility}
              onChange={(next) => setVisibility(next as Visibility)}
              color={visibility === "internal" ? "yellow.3" : "blue.8"}
              autoContrast
              data={[
                {
                  value: "internal",
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <LockIcon size={14} />
                      <span>Internal note</span>
                    </Group>
                  ),
                },
                {
                  value: "external",
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <ReplyIcon size={14} />
                      <span>Reply to reporter</span>
                    </Group>
                  ),
                },
              ]}
            />
          </Box>
        </Group>
        <Textarea
          label="Comment"
          description={look.hint}
          autosize
          minRows={3}
          maxRows={14}
          {...body.inputProps}
          styles={{ input: { background: "var(--mantine-color-body)" } }}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={add.isPending}
            color={visibility === "internal" ? "yellow.3" : "blue.8"}
            autoContrast
            leftSection={visibility === "internal" ? <LockIcon size={14} /> : <ReplyIcon size={14} />}
          >
            {look.submit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
