import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/client.ts";
import { useCurrentSession } from "../auth/SessionContext.ts";
import { useModalForm } from "../ui/FormModal.tsx";
import { SearchIcon } from "./common/icons.tsx";
import { PRIORITY_OPTIONS } from "./common/labels.ts";
import { NewTicketDialog } from "./common/NewTicketDialog.tsx";
import { notifyDone } from "./common/notify.ts";
import { chooseType, enterTitle, TicketTypeSelect } from "./common/TicketFields.tsx";
import { useOpenCreated } from "./common/TicketPageParts.tsx";
import { ticketKeys, usePeople } from "./queries.ts";
import type { Person, Priority, Ticket, TicketType } from "./types.ts";

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
  const openCreated = useOpenCreated("/tickets");
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const people = usePeople(debounced, opened);

  const form = useForm<Values>({
    initialValues: { title: "", description: "", type: "", priority: "medium", reporterId: session.user.id },
    validate: { title: enterTitle, type: chooseType },
  });
  const { failure, close, fail } = useModalForm({
    form,
    labels: LABELS,
    fieldOf: { reporter_id: "reporterId" },
    onClose: () => {
      setSearch("");
      onClose();
    },
  });

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
      openCreated(ticket);
    },
    onError: fail,
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
    <NewTicketDialog
      opened={opened}
      onClose={close}
      onSubmit={form.onSubmit((values) => create.mutate(values))}
      failure={failure}
      creating={create.isPending}
    >
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
        <TicketTypeSelect {...form.getInputProps("type")} />
        <NativeSelect label="Priority" data={PRIORITY_OPTIONS} {...form.getInputProps("priority")} />
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
    </NewTicketDialog>
  );
}
