import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { isApiError } from "../../api/errors.ts";
import { NotFoundPage } from "../../shell/NotFoundPage.tsx";
import { QueryStatus } from "../../ui/QueryStatus.tsx";
import type { Comment, HistoryEntry, Ticket } from "../types.ts";
import { ArrowLeftIcon } from "./icons.tsx";
import { PlainText } from "./PlainText.tsx";
import { type Audience, TicketTimeline } from "./Timeline.tsx";

// The pieces of a ticket's page that the agent portal (/tickets/:number) and the desk portal
// (/desk/tickets/:number) share.

/**
 * The ticket of a ticket page: its view once loaded; "Not found" for a 404 (on the desk, someone else's
 * ticket reads the same); otherwise the spinner or the failure with a retry.
 */
export function LoadedTicket<T>({
  query,
  home,
  children,
}: {
  query: UseQueryResult<T>;
  home: string;
  children: (ticket: T) => ReactNode;
}) {
  if (query.data) return children(query.data);
  if (isApiError(query.error, 404)) return <NotFoundPage home={home} />;
  return <QueryStatus error={query.error} onRetry={() => void query.refetch()} label="the ticket" />;
}

/** Opens the page of a ticket just filed, under `base`; that page says "… created" once (`useTicketPage`). */
export function useOpenCreated(base: string) {
  const navigate = useNavigate();
  return (ticket: Ticket) => navigate(`${base}/${ticket.number}`, { state: { created: ticket.number } });
}

/**
 * Sets the document title to the ticket's, and says whether to show "TKT-000042 created": once, right
 * after filing it, not again after a reload or on coming back.
 */
export function useTicketPage(ticket: Ticket): { created: boolean } {
  const location = useLocation();
  const navigate = useNavigate();
  const [created] = useState(
    () => (location.state as { created?: string } | null)?.created === ticket.number,
  );
  useEffect(() => {
    if (created) navigate(location.pathname, { replace: true, state: null });
  }, [created, navigate, location.pathname]);
  useDocumentTitle(`${ticket.number} ${ticket.title} · Uslimato`);
  return { created };
}

/** "← My tickets", "← Back to the queue". */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm" style={{ alignSelf: "flex-start" }}>
      <Group gap={4} component="span">
        <ArrowLeftIcon size={14} /> {children}
      </Group>
    </Anchor>
  );
}

export function DescriptionSection({ ticket, headingId }: { ticket: Ticket; headingId: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="h5" id={headingId} mb="xs">
        Description
      </Title>
      {ticket.description.trim() ? (
        <PlainText text={ticket.description} size="sm" />
      ) : (
        <Text size="sm" c="dimmed">
          No description.
        </Text>
      )}
    </Paper>
  );
}

/** Comments and history in one timeline under a heading, then `children` (the comment box, or why not). */
export function TimelineSection({
  ticket,
  title,
  headingId,
  comments,
  history,
  audience,
  label,
  children,
}: {
  ticket: Ticket;
  title: string;
  headingId: string;
  comments: UseQueryResult<Comment[]>;
  history: UseQueryResult<HistoryEntry[]>;
  audience: Audience;
  /** For "Loading …" and "Could not load …". */
  label: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId}>
        {title}
      </Title>
      {comments.data && history.data ? (
        <TicketTimeline
          comments={comments.data}
          history={history.data}
          reporterId={ticket.reporter.id}
          audience={audience}
        />
      ) : (
        <QueryStatus
          error={comments.error ?? history.error}
          onRetry={() => {
            void comments.refetch();
            void history.refetch();
          }}
          label={label}
        />
      )}
      {children}
    </Stack>
  );
}
