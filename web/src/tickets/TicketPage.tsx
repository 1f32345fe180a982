import { Alert, Button, Grid, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { CommentBox } from "./CommentBox.tsx";
import { PriorityBadge, StatusBadge } from "./common/Badges.tsx";
import { readableAlert } from "./common/contrast.ts";
import { formatDateTime } from "./common/format.ts";
import { CheckIcon } from "./common/icons.tsx";
import { PRIORITY_OPTIONS, STATUS_LABEL, TYPE_LABEL, TYPE_OPTIONS } from "./common/labels.ts";
import {
  BackLink,
  DescriptionSection,
  LoadedTicket,
  TimelineSection,
  useTicketPage,
} from "./common/TicketPageParts.tsx";
import { type ChangeInput, useChangeTicket } from "./mutations.ts";
import { useAgents, useComments, useHistory, useTicket } from "./queries.ts";
import { CancelTicketModal, EditTicketModal } from "./TicketDialogs.tsx";
import { type AgentTicket, isFinal, type Priority, type Status, type TicketType } from "./types.ts";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mt={2}>
        {children}
      </Text>
    </div>
  );
}

function DateField({ label, iso }: { label: string; iso: string | null }) {
  if (!iso) return null;
  return (
    <Field label={label}>
      <time dateTime={iso}>{formatDateTime(iso)}</time>
    </Field>
  );
}

const MOVE_LABEL: Partial<Record<Status, string>> = { resolved: "Resolve", closed: "Close" };

function moveLabel(from: Status, to: Status): string {
  if (to === "in_progress") return from === "resolved" ? "Reopen" : "Start work";
  if (to === "cancelled") return "Cancel ticket";
  return MOVE_LABEL[to] ?? STATUS_LABEL[to];
}

function Actions({ ticket }: { ticket: AgentTicket }) {
  const { user } = useCurrentSession();
  const change = useChangeTicket(ticket);
  const agents = useAgents();
  const [cancelling, cancel] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  const mine = ticket.assignee?.id === user.id;
  const canPickUp = !mine && (ticket.assignee === null || ticket.status === "open");
  const moves = ticket.allowed_statuses;
  const busy = change.isPending;

  const agentOptions = agents.data ?? [];
  const assigneeKnown = !ticket.assignee || agentOptions.some((a) => a.id === ticket.assignee?.id);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-actions">
      <Stack gap="md">
        <Title order={2} fz="h5" id="ticket-actions">
          Work on this ticket
        </Title>
        {canPickUp ? (
          <Button
            fullWidth
            loading={busy && change.variables?.patch.assignee_id === user.id}
            disabled={busy}
            onClick={() =>
              change.mutate({
                patch: { assignee_id: user.id },
                success: `You picked up ${ticket.number}`,
                failure: "Could not pick up the ticket",
              })
            }
          >
            Pick up
          </Button>
        ) : null}
        <NativeSelect
          label="Assignee"
          value={ticket.assignee?.id ?? ""}
          disabled={busy || !agents.data}
          onChange={(event) => {
            const id = event.currentTarget.value || null;
            const name = agentOptions.find((a) => a.id === id)?.name;
            change.mutate({
              patch: { assignee_id: id },
              success: id ? `Assigned to ${name ?? "the agent"}` : "Unassigned",
              failure: "Could not change the assignee",
            });
          }}
          data={[
            { value: "", label: "Unassigned" },
            ...(assigneeKnown || !ticket.assignee
              ? []
              : [{ value: ticket.assignee.id, label: ticket.assignee.name }]),
            ...agentOptions.map((a) => ({
              value: a.id,
              label: a.id === user.id ? `${a.name} (me)` : a.name,
            })),
          ]}
        />
        {moves.length > 0 ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Change status
            </Text>
            <Group gap="xs">
              {moves.map((to) =>
                to === "cancelled" ? (
                  <Button key={to} variant="light" color="red" onClick={cancel.open} disabled={busy}>
                    {moveLabel(ticket.status, to)}
                  </Button>
                ) : (
                  <Button
                    key={to}
                    variant={to === "resolved" || to === "closed" ? "filled" : "default"}
                    color={to === "resolved" ? "teal.9" : to === "closed" ? "dark" : undefined}
                    leftSection={to === "resolved" || to === "closed" ? <CheckIcon size={14} /> : undefined}
                    loading={busy && change.variables?.patch.status === to}
                    disabled={busy}
                    onClick={() =>
                      change.mutate({
                        patch: { status: to },
                        success: `${ticket.number} is now ${STATUS_LABEL[to].toLowerCase()}`,
                        failure: `Could not ${moveLabel(ticket.status, to).toLowerCase()} the ticket`,
                      })
                    }
                  >
                    {moveLabel(ticket.status, to)}
                  </Button>
                ),
              )}
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No status change is available to you right now.
          </Text>
        )}
        <Button variant="subtle" size="compact-sm" onClick={edit.open} style={{ alignSelf: "flex-start" }}>
          Edit title and description
        </Button>
      </Stack>
      <CancelTicketModal ticket={ticket} opened={cancelling} onClose={cancel.close} change={change} />
      {editing ? <EditTicketModal ticket={ticket} opened onClose={edit.close} change={change} /> : null}
    </Paper>
  );
}

/** A field of the ticket that the agent changes by choosing: the change is sent at once. */
function ChangeSelect({
  label,
  value,
  data,
  change,
  request,
}: {
  label: string;
  value: string;
  data: { value: string; label: string }[];
  change: ReturnType<typeof useChangeTicket>;
  /** The change that choosing `value` asks for. */
  request: (value: string) => ChangeInput;
}) {
  return (
    <NativeSelect
      label={label}
      size="xs"
      value={value}
      disabled={change.isPending}
      onChange={(event) => change.mutate(request(event.currentTarget.value))}
      data={data}
    />
  );
}

function Details({ ticket }: { ticket: AgentTicket }) {
  const change = useChangeTicket(ticket);
  const final = isFinal(ticket.status);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-details">
      <Title order={2} fz="h5" id="ticket-details" mb="md">
        Details
      </Title>
      <Stack gap="sm" component="dl" m={0}>
        <Field label="Status">
          <StatusBadge status={ticket.status} />
        </Field>
        {final ? (
          <>
            <Field label="Type">{TYPE_LABEL[ticket.type]}</Field>
            <Field label="Priority">
              <PriorityBadge priority={ticket.priority} />
            </Field>
          </>
        ) : (
          <>
            <ChangeSelect
              label="Type"
              value={ticket.type}
              data={TYPE_OPTIONS}
              change={change}
              request={(type) => ({
                patch: { type: type as TicketType },
                success: "Type changed",
                failure: "Could not change the type",
              })}
            />
            <ChangeSelect
              label="Priority"
              value={ticket.priority}
              data={PRIORITY_OPTIONS}
              change={change}
              request={(priority) => ({
                patch: { priority: priority as Priority },
                success: "Priority changed",
                failure: "Could not change the priority",
              })}
            />
          </>
        )}
        <Field label="Reporter">
          {ticket.reporter.name}
          <Text span size="xs" c="dimmed" display="block">
            {ticket.reporter.email}
          </Text>
        </Field>
        <Field label="Assigned to">{ticket.assignee?.name ?? "Nobody yet"}</Field>
        <DateField label="Created" iso={ticket.created_at} />
        <DateField label="Updated" iso={ticket.updated_at} />
        <DateField label="Resolved" iso={ticket.resolved_at} />
        <DateField label="Closed" iso={ticket.closed_at} />
      </Stack>
    </Paper>
  );
}

function ClosedNotice({ ticket }: { ticket: AgentTicket }) {
  const when = ticket.closed_at ? ` on ${formatDateTime(ticket.closed_at)}` : "";
  return (
    <Alert
      color="gray"
      styles={readableAlert("gray")}
      variant="light"
      title="This ticket is closed"
      role="status"
    >
      {ticket.status === "cancelled" ? (
        <>
          It was cancelled{when}
          {ticket.cancel_reason ? (
            <>
              : <q>{ticket.cancel_reason}</q>
            </>
          ) : null}
          . No further changes or comments are possible.
        </>
      ) : (
        <>It was closed{when}. No further changes or comments are possible.</>
      )}
    </Alert>
  );
}

function TicketView({ ticket }: { ticket: AgentTicket }) {
  const comments = useComments(ticket.number);
  const history = useHistory(ticket.number);
  const final = isFinal(ticket.status);
  const { created } = useTicketPage(ticket);

  return (
    <Stack gap="lg">
      <BackLink to="/tickets">Back to the queue</BackLink>
      <Stack gap={6}>
        <Title order={1} fz="h2" style={{ overflowWrap: "anywhere" }}>
          <Text span inherit c="dimmed" ff="monospace" fz="0.8em" mr="xs">
            {ticket.number}
          </Text>
          {ticket.title}
        </Title>
        <Group gap="xs">
          <StatusBadge status={ticket.status} size="lg" />
          <PriorityBadge priority={ticket.priority} size="lg" />
          <Text size="sm" c="dimmed">
            {TYPE_LABEL[ticket.type]} reported by {ticket.reporter.name}
          </Text>
        </Group>
      </Stack>
      {created ? (
        <Alert color="green" styles={readableAlert("green")} title={`${ticket.number} created`} role="status">
          The ticket is in the queue.
        </Alert>
      ) : null}
      {final ? <ClosedNotice ticket={ticket} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <DescriptionSection ticket={ticket} headingId="ticket-description" />
            <TimelineSection
              ticket={ticket}
              title="Activity"
              headingId="ticket-activity"
              comments={comments}
              history={history}
              audience="agent"
              label="the activity"
            >
              {final ? null : <CommentBox ticket={ticket} />}
            </TimelineSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            {final ? null : <Actions ticket={ticket} />}
            <Details ticket={ticket} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `/tickets/:number`: one ticket for agents. */
export function TicketPage() {
  const { number = "" } = useParams();
  const ticket = useTicket(number);
  return (
    <LoadedTicket query={ticket} home="/tickets">
      {(loaded) => <TicketView ticket={loaded} />}
    </LoadedTicket>
  );
}
