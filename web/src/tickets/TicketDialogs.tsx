import { Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { errorMessage, fieldErrors } from "../api/errors.ts";
import { FormActions, FormModal } from "../ui/FormModal.tsx";
import { enterTitle } from "./common/TicketFields.tsx";
import type { useChangeTicket } from "./mutations.ts";
import type { Ticket } from "./types.ts";

interface TicketModalProps {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
  change: ReturnType<typeof useChangeTicket>;
}

/** Cancelling needs a reason (a duplicate, not reproducible…), which the reporter sees. */
export function CancelTicketModal({ ticket, opened, onClose, change }: TicketModalProps) {
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim() ? null : "Say why the ticket is cancelled") },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(({ reason }) =>
    change.mutate(
      {
        patch: { status: "cancelled", reason: reason.trim() },
        success: `${ticket.number} cancelled`,
        failure: "Could not cancel the ticket",
      },
      {
        onSuccess: close,
        onError: (error) => {
          const field = fieldErrors(error, { reason: "Reason" }).reason;
          if (field) form.setErrors({ reason: field });
          else close();
        },
      },
    ),
  );
  return (
    <FormModal opened={opened} onClose={close} title={`Cancel ${ticket.number}?`} onSubmit={submit} readable>
      <Text size="sm">
        A cancelled ticket is final: it cannot be reopened, edited or commented on. The reporter sees the
        reason.
      </Text>
      <Textarea
        label="Reason"
        placeholder="e.g. Duplicate of TKT-000012"
        required
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps("reason")}
      />
      <FormActions
        onCancel={close}
        cancelLabel="Keep the ticket"
        submitLabel="Cancel ticket"
        color="red"
        loading={change.isPending}
      />
    </FormModal>
  );
}

export function EditTicketModal({ ticket, opened, onClose, change }: TicketModalProps) {
  const form = useForm({
    initialValues: { title: ticket.title, description: ticket.description },
    validate: { title: enterTitle },
  });
  const close = () => {
    form.clearErrors();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const patch = {
      ...(values.title.trim() !== ticket.title ? { title: values.title.trim() } : {}),
      ...(values.description !== ticket.description ? { description: values.description } : {}),
    };
    if (Object.keys(patch).length === 0) return close();
    change.mutate(
      { patch, success: "Ticket updated", failure: "Could not save the ticket" },
      {
        onSuccess: close,
        onError: (error) => {
          const errors = fieldErrors(error, { title: "Title", description: "Description" });
          if (Object.keys(errors).length > 0) form.setErrors(errors);
          else form.setErrors({ title: errorMessage(error) });
        },
      },
    );
  });
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={`Edit ${ticket.number}`}
      size="lg"
      onSubmit={submit}
      readable
    >
      <TextInput label="Title" required maxLength={200} data-autofocus {...form.getInputProps("title")} />
      <Textarea
        label="Description"
        autosize
        minRows={5}
        maxRows={16}
        {...form.getInputProps("description")}
      />
      <FormActions onCancel={close} submitLabel="Save" loading={change.isPending} />
    </FormModal>
  );
}
