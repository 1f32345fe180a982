import { Alert, Button, Input, Group as Row, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { AppModal } from "../../ui/Dialogs.tsx";
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
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<NewGroupValues>({
    initialValues: { name: "", permissions: [] },
    validate: { name: (v) => (v.trim() ? null : "Enter a name") },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

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
    <AppModal opened={opened} onClose={close} title="New group" size="xl" centered>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="lg">
          {failure ? (
            <Alert color="red" title="Could not create the group">
              {failure}
            </Alert>
          ) : null}
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
          <Row justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create group
            </Button>
          </Row>
        </Stack>
      </form>
    </AppModal>
  );
}
