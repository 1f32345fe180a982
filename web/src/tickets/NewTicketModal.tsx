import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api/client.ts";
import { errorMessage, fieldErrors } from "../api/errors.ts";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { AppModal } from "../ui/Dialogs.tsx";
import { readableAlert, readableErrors } from "./common/contrast.ts";
import { SearchIcon } from "./common/icons.tsx";
import { PRIORITY_LABEL, TYPE_LABEL } from "./common/labels.ts";
import { notifyDone } from "./common/notify.ts";
import { ticketKeys, usePeople } from "./queries.ts";
import {
  type Person,
  PRIORITIES,
  type Priority,
  TICKET_TYPES,
  type Ticket,
  type TicketType,
} from "./types.ts";

interface Values {
  title: string;
  description: string;
  type: "" | TicketType;
  priority: Priority;
  reporterId: string;
}

const LABELS = {
  title: "Title",
  description: "Description",
  type: "Type",
  priority: "Priority",
  reporter_id: "Reporter",
};

function personLabel(person: Person, me: string): string {
  return person.id === me ? `${person.name} (${person.email}) — you` : `${person.name} (${person.email})`;
}

/** "New ticket" for agents: filed for themselves or on behalf of a reporter. */
export function NewTicketModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const people = usePeople(debounced, opened);

  const form = useForm<Values>({
    initialValues: { title: "", description: "", type: "", priority: "medium", reporterId: session.user.id },
    validate: {
      title: (v) => (v.trim() ? null : "Enter a title"),
      type: (v) => (v ? null : "Choose a type"),
    },
  });

  const close = () => {
    form.reset();
    setSearch("");
    setFailure(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<Ticket>("/api/tickets", {
        title: values.title.trim(),
        description: values.description,
        type: values.type,
        priority: values.priority,
        ...(values.reporterId !== session.user.id ? { reporter_id: values.reporterId } : {}),
      }),
    onSuccess: (ticket) => {
      notifyDone(`${ticket.number} created`, "Ticket created");
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      close();
      navigate(`/tickets/${ticket.number}`, { state: { created: ticket.number } });
    },
    onError: (error) => {
      const errors = fieldErrors(error, LABELS);
      const { reporter_id, ...rest } = errors;
      form.setErrors({ ...rest, ...(reporter_id ? { reporterId: reporter_id } : {}) });
      setFailure(Object.keys(errors).length > 0 ? null : errorMessage(error));
    },
  });

  // The chosen reporter stays in the list whatever the search shows.
  const selected = form.values.reporterId;
  const me: Person = session.user;
  const found = people.data ?? [];
  const options = [me, ...found.filter((p) => p.id !== me.id)];
  const known = options.some((p) => p.id === selected);
  const reporterData = [
    ...(known ? [] : [{ value: selected, label: "The person chosen before" }]),
    ...options.map((p) => ({ value: p.id, label: personLabel(p, me.id) })),
  ];

  return (
    <AppModal opened={opened} onClose={close} title="New ticket" size="lg" centered>
      <form style={readableErrors} onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {failure ? (
            <Alert color="red" styles={readableAlert("red")} title="Could not create the ticket" role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextInput label="Title" required data-autofocus maxLength={200} {...form.getInputProps("title")} />
          <Textarea
            label="Description"
            description="What happened, what is affected, since when."
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps("description")}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <NativeSelect
              label="Type"
              required
              data={[
                { value: "", label: "Choose…", disabled: true },
                ...TICKET_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] })),
              ]}
              {...form.getInputProps("type")}
            />
            <NativeSelect
              label="Priority"
              data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
              {...form.getInputProps("priority")}
            />
          </SimpleGrid>
          <Stack gap={6}>
            <TextInput
              label="Search people"
              description="Filing for someone else? Search by name or email, then choose them below."
              type="search"
              leftSection={<SearchIcon />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            <NativeSelect
              label="Reporter"
              description={
                selected === me.id
                  ? "You are the reporter."
                  : "Filed on behalf of this person: they follow it in their desk portal."
              }
              data={reporterData}
              {...form.getInputProps("reporterId")}
            />
          </Stack>
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create ticket
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
