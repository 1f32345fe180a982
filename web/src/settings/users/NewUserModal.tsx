import { Alert, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { AppModal } from "../../ui/Dialogs.tsx";
import { notifySuccess } from "../../ui/notify.ts";
import { PasswordField } from "../../ui/PasswordField.tsx";
import { useRefreshDirectory } from "../queries.ts";
import type { User } from "../types.ts";

interface NewUserValues {
  email: string;
  name: string;
  password: string;
}

export function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshDirectory();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<NewUserValues>({
    initialValues: { email: "", name: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter an email address"),
      name: (v) => (v.trim() ? null : "Enter a name"),
      password: (v) => (v ? null : "Enter a password"),
    },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: (values: NewUserValues) =>
      api.post<User>("/api/users", {
        email: values.email.trim(),
        name: values.name.trim(),
        password: values.password,
      }),
    onSuccess: (user) => {
      notifySuccess(`${user.name} can now sign in.`, "User created");
      void refresh();
      close();
    },
    onError: (error) => {
      const errors = fieldErrors(error, { email: "Email", name: "Name", password: "Password" });
      form.setErrors(errors);
      setFailure(Object.keys(errors).length > 0 ? null : errorMessage(error));
    },
  });

  return (
    <AppModal opened={opened} onClose={close} title="New user" centered>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {failure ? (
            <Alert color="red" title="Could not create the user">
              {failure}
            </Alert>
          ) : null}
          <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps("email")} />
          <TextInput label="Name" required {...form.getInputProps("name")} />
          <PasswordField
            label="Password"
            description="The user can sign in with it right away."
            autoComplete="new-password"
            required
            {...form.getInputProps("password")}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
