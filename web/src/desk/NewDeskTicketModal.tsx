import { Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { NewTicketDialog } from "../tickets/common/NewTicketDialog.tsx";
import { chooseType, enterTitle, TicketTypeSelect } from "../tickets/common/TicketFields.tsx";
import { useOpenCreated } from "../tickets/common/TicketPageParts.tsx";
import type { Ticket, TicketType } from "../tickets/types.ts";
import { useModalForm } from "../ui/FormModal.tsx";
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
  const openCreated = useOpenCreated("/desk/tickets");
  const refresh = useRefreshDesk();
  const form = useForm<Values>({
    initialValues: { title: "", description: "", type: "" },
    validate: {
      title: enterTitle,
      description: (v) => (v.trim() ? null : "Describe the issue or request"),
      type: chooseType,
    },
  });
  const { failure, close, fail } = useModalForm({
    form,
    labels: { title: "Title", description: "Description", type: "Type" },
    onClose,
  });

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
      openCreated(ticket);
    },
    onError: fail,
  });

  return (
    <NewTicketDialog
      opened={opened}
      onClose={close}
      onSubmit={form.onSubmit((values) => create.mutate(values))}
      failure={failure}
      creating={create.isPending}
    >
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
      <TicketTypeSelect
        description={form.values.type ? TYPE_HELP[form.values.type] : "Incident or service request."}
        {...form.getInputProps("type")}
      />
    </NewTicketDialog>
  );
}
