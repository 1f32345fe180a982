import { Input, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { FormActions, FormModal, useModalForm } from "../../ui/FormModal.tsx";
import { notifySuccess } from "../../ui/notify.ts";
import { useRefreshDirectory } from "../queries.ts";
import type { Group, Permission } from "../types.ts";
import { PermissionChecklist } from "./PermissionChecklist.tsx";

interface NewGroupValues {
  name: string;
  permissions: string[];
}

interface NewGroupModalProps {
  opened: boolean;
  onClose: () => void;
  catalogue: Permission[];
  itsmNote?: string;
}

export function NewGroupModal({ opened, onClose, catalogue, itsmNote }: NewGroupModalProps) {
  const refresh = useRefreshDirectory();
  const form = useForm<NewGroupValues>({
    initialValues: { name: "", permissions: [] },
    validate: { name: (v) => (v.trim() ? null : "Enter a name") },
  });
  const { failure, setFailure, close } = useModalForm({ form, onClose });

  const create = useMutation({
    mutationFn: (values: NewGroupValues) =>
      api.post<Group>("/api/groups", { name: values.name.trim(), permissions: values.permissions }),
    onSuccess: (group) => {
      notifySuccess(`Add members to ${group.name} to grant its permissions.`, "Group created");
      close();
    },
    onError: (error) => {
      const errors = fieldErrors(error, { name: "Name" });
      form.setErrors(errors);
      setFailure(errors.name && Object.keys(errors).length === 1 ? null : errorMessage(error));
    },
    onSettled: refresh,
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="New group"
      size="xl"
      onSubmit={form.onSubmit((values) => create.mutate(values))}
      failure={{ title: "Could not create the group", message: failure }}
      gap="lg"
    >
      <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
      <Stack gap="xs">
        <Input.Label component="div">Permissions</Input.Label>
        <PermissionChecklist
          catalogue={catalogue}
          value={form.values.permissions}
          onChange={(next) => form.setFieldValue("permissions", next)}
          itsmNote={itsmNote}
        />
      </Stack>
      <FormActions onCancel={close} submitLabel="Create group" loading={create.isPending} />
    </FormModal>
  );
}
