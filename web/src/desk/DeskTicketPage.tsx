import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { api } from "../api/client.ts";
import { StatusBadge } from "../tickets/common/Badges.tsx";
import { readableAlert, readableErrors } from "../tickets/common/contrast.ts";
import { formatDateTime } from "../tickets/common/format.ts";
import { CheckIcon } from "../tickets/common/icons.tsx";
import { TYPE_LABEL } from "../tickets/common/labels.ts";
import { notifyFailure } from "../tickets/common/notify.ts";
import {
  BackLink,
  DescriptionSection,
  LoadedTicket,
  TimelineSection,
  useTicketPage,
} from "../tickets/common/TicketPageParts.tsx";
import { useCommentDraft } from "../tickets/common/useCommentDraft.ts";
import { isFinal, type Status, type Ticket } from "../tickets/types.ts";
import { FormActions, FormModal } from "../ui/FormModal.tsx";
import { useDeskComments, useDeskHistory, useDeskTicket, useRefreshDesk } from "./queries.ts";

/** What each status means for the person waiting. */
const STATUS_TEXT: Record<Status, string> = {
  open: "Your ticket is waiting for an agent to pick it up.",
  in_progress: "An agent is working on your ticket.",
  resolved: "The service desk proposed a solution. Please tell us whether it solved your issue.",
  closed: "This ticket is closed.",
  cancelled: "This ticket was cancelled.",
};

function StatusPanel({ ticket }: { ticket: Ticket }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="desk-status">
      <Group gap="md" wrap="wrap" align="center">
        <Title order={2} fz="sm" fw={600} c="dimmed" id="desk-status">
          Status
        </Title>
        <StatusBadge status={ticket.status} size="xl" />
      </Group>
      <Text mt="sm">{STATUS_TEXT[ticket.status]}</Text>
      {ticket.status === "cancelled" && ticket.cancel_reason ? (
        <Text size="sm" mt={4}>
          Reason: <q>{ticket.cancel_reason}</q>
        </Text>
      ) : null}
      {ticket.assignee ? (
        <Text size="sm" c="dimmed" mt={4}>
          Handled by {ticket.assignee.name}
        </Text>
      ) : null}
    </Paper>
  );
}

/** On a resolved ticket: the reporter confirms (→ closed) or says it is still a problem (→ in progress). */
function ResolutionQuestion({ ticket }: { ticket: Ticket }) {
  const refresh = useRefreshDesk();
  const [rejecting, setRejecting] = useState(false);
  const comment = useCommentDraft("comment", "Could not reopen the ticket");

  const confirm = useMutation({
    mutationFn: () => api.post<Ticket>(`/api/desk/tickets/${ticket.id}/confirm`),
    onError: (failure) => notifyFailure(failure, "Could not close the ticket"),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (text: string) =>
      api.post<Ticket>(`/api/desk/tickets/${ticket.id}/reject`, { comment: text }),
    onSuccess: () => {
      setRejecting(false);
      comment.setText("");
    },
    onError: comment.fail,
    onSettled: refresh,
  });

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      bg="var(--mantine-color-teal-0)"
      style={{ borderColor: "var(--mantine-color-teal-6)" }}
      component="section"
      aria-labelledby="desk-question"
    >
      <Title order={2} fz="h3" id="desk-question">
        Is your issue solved?
      </Title>
      <Text size="sm" mt={4}>
        {ticket.resolved_at ? `Resolved ${formatDateTime(ticket.resolved_at)}. ` : ""}
        If you do not answer, the ticket closes by itself after a few days.
      </Text>
      <Group gap="sm" mt="md">
        <Button
          color="teal.9"
          leftSection={<CheckIcon size={16} />}
          loading={confirm.isPending}
          disabled={reject.isPending}
          onClick={() => confirm.mutate()}
        >
          Yes, close it
        </Button>
        <Button variant="default" disabled={confirm.isPending} onClick={() => setRejecting(true)}>
          No, still a problem
        </Button>
      </Group>
      <FormModal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title="Still a problem?"
        onSubmit={(event) => {
          event.preventDefault();
          if (!comment.text.trim())
            return comment.setError("Tell the service desk what is still not working");
          reject.mutate(comment.text);
        }}
        readable
      >
        <Textarea
          label="What is still not working?"
          description="The service desk reads this and reopens your ticket."
          required
          autosize
          minRows={3}
          data-autofocus
          {...comment.inputProps}
        />
        <FormActions
          onCancel={() => setRejecting(false)}
          cancelLabel="Back"
          submitLabel="Reopen the ticket"
          loading={reject.isPending}
        />
      </FormModal>
    </Paper>
  );
}

function DeskCommentBox({ ticket }: { ticket: Ticket }) {
  const refresh = useRefreshDesk();
  const body = useCommentDraft("body", "Could not add the comment");
  const add = useMutation({
    mutationFn: (text: string) => api.post(`/api/desk/tickets/${ticket.id}/comments`, { body: text }),
    onSuccess: body.clear,
    onError: body.fail,
    onSettled: refresh,
  });
  return (
    <Paper
      component="form"
      style={readableErrors}
      withBorder
      radius="md"
      p="md"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.text.trim()) return body.setError("Write your comment first");
        add.mutate(body.text);
      }}
    >
      <Stack gap="sm">
        <Textarea
          label="Comment"
          description="The service desk sees your comment."
          autosize
          minRows={3}
          maxRows={12}
          {...body.inputProps}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add comment
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DeskTicketView({ ticket }: { ticket: Ticket }) {
  const comments = useDeskComments(ticket.number, true);
  const history = useDeskHistory(ticket.number, true);
  const { created } = useTicketPage(ticket);
  const final = isFinal(ticket.status);

  return (
    <Stack gap="lg">
      <BackLink to="/desk">My tickets</BackLink>
      {created ? (
        <Alert
          color="green"
          styles={readableAlert("green")}
          variant="light"
          title={`${ticket.number} created`}
          role="status"
        >
          The service desk has your ticket. You can follow it here, and add comments at any time.
        </Alert>
      ) : null}
      <Stack gap={4}>
        <Text ff="monospace" c="dimmed" size="sm">
          {ticket.number} · {TYPE_LABEL[ticket.type]} · reported {formatDateTime(ticket.created_at)}
        </Text>
        <Title order={1} fz={{ base: "h3", sm: "h2" }} style={{ overflowWrap: "anywhere" }}>
          {ticket.title}
        </Title>
      </Stack>
      <StatusPanel ticket={ticket} />
      {ticket.status === "resolved" ? <ResolutionQuestion ticket={ticket} /> : null}
      <DescriptionSection ticket={ticket} headingId="desk-description" />
      <TimelineSection
        ticket={ticket}
        title="Updates"
        headingId="desk-history"
        comments={comments}
        history={history}
        audience="reporter"
        label="the history"
      >
        {final ? (
          <Alert color="gray" styles={readableAlert("gray")} variant="light" title="This ticket is closed">
            No further comments are possible. If the problem comes back, report it with a new ticket.
          </Alert>
        ) : (
          <DeskCommentBox ticket={ticket} />
        )}
      </TimelineSection>
    </Stack>
  );
}

/** `/desk/tickets/:number`: one of the user's own tickets (anyone else's is "Not found"). */
export function DeskTicketPage() {
  const { number = "" } = useParams();
  const ticket = useDeskTicket(number);
  return (
    <LoadedTicket query={ticket} home="/desk">
      {(loaded) => <DeskTicketView ticket={loaded} />}
    </LoadedTicket>
  );
}
