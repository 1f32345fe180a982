import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api/client.ts";
import { errorMessage, fieldErrors } from "../api/errors.ts";
import { readableAlert, readableErrors } from "../tickets/common/contrast.ts";
import { TYPE_LABEL } from "../tickets/common/labels.ts";
import { TICKET_TYPES, type Ticket, type TicketType } from "../tickets/types.ts";
import { AppModal } from "../ui/Dialogs.tsx";
import { useRefreshDesk } from "./queries.ts";

interface Values {
  title: string;
  description: string;
  type: "" | TicketType;
}

const TYPE_HELP: Record<TicketType, string> = {
  incident: "Something is broken or not working as it should.",
  service_request: "You need something: access, equipment, information.",
};

/** "New ticket" in the desk portal: title, description and type, all required. */
export function NewDeskTicketModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const refresh = useRefreshDesk();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { title: "", description: "", type: "" },
    validate: {
      title: (v) => (v.trim() ? null : "Enter a title"),
      description: (v) => (v.trim() ? null : "Describe the issue or request"),
      type: (v) => (v ? null : "Choose a type"),
    },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<Ticket>("/api/desk/tickets", {
        title: values.title.trim(),
        description: values.description,
        type: values.type,
      }),
    onSuccess: (ticket) => {
      void refresh();
      close();
      navigate(`/desk/tickets/${ticket.number}`, { state: { created: ticket.number } });
    },
    onError: (error) => {
      const errors = fieldErrors(error, { title: "Title", description: "Description", type: "Type" });
      form.setErrors(errors);
      setFailure(Object.keys(errors).length > 0 ? null : errorMessage(error));
    },
  });

  return (
    <AppModal opened={opened} onClose={close} title="New ticket" size="lg" centered>
      <form style={readableErrors} onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {failure ? (
            <Alert color="red" styles={readableAlert("red")} title="Could not create the ticket" role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label="Title"
            description="A short summary, e.g. “Laptop does not start”."
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps("title")}
          />
          <Textarea
            label="Description"
            description="What happened, what you expected, since when."
            required
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps("description")}
          />
          <NativeSelect
            label="Type"
            description={form.values.type ? TYPE_HELP[form.values.type] : "Incident or service request."}
            required
            data={[
              { value: "", label: "Choose…", disabled: true },
              ...TICKET_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] })),
            ]}
            {...form.getInputProps("type")}
          />
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
