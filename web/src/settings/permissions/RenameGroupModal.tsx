import { TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { UseMutationResult } from "@tanstack/react-query";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { FormActions, FormModal } from "../../ui/FormModal.tsx";
import type { Group } from "../types.ts";

interface RenameGroupModalProps {
  group: Group;
  opened: boolean;
  onClose: () => void;
  mutation: UseMutationResult<Group, Error, string>;
}

export function RenameGroupModal({ group, opened, onClose, mutation }: RenameGroupModalProps) {
  const form = useForm({
    initialValues: { name: group.name },
    validate: { name: (v) => (v.trim() ? null : "Enter a name") },
  });

  const close = () => {
    form.setValues({ name: group.name });
    form.clearErrors();
    onClose();
  };

  const submit = form.onSubmit(({ name }) =>
    mutation.mutate(name.trim(), {
      onSuccess: close,
      onError: (error) =>
        form.setErrors({ name: fieldErrors(error, { name: "Name" }).name ?? errorMessage(error) }),
    }),
  );

  return (
    <FormModal opened={opened} onClose={close} title={`Rename ${group.name}`} onSubmit={submit}>
      <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
      <FormActions onCancel={close} submitLabel="Save" loading={mutation.isPending} />
    </FormModal>
  );
}
