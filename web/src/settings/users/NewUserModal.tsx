import { TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { FormActions, FormModal, useModalForm } from "../../ui/FormModal.tsx";
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
  const form = useForm<NewUserValues>({
    initialValues: { email: "", name: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter an email address"),
      name: (v) => (v.trim() ? null : "Enter a name"),
      password: (v) => (v ? null : "Enter a password"),
    },
  });
  const { failure, close, fail } = useModalForm({
    form,
    labels: { email: "Email", name: "Name", password: "Password" },
    onClose,
  });

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
    onError: fail,
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="New user"
      onSubmit={form.onSubmit((values) => create.mutate(values))}
      failure={{ title: "Could not create the user", message: failure }}
    >
      <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps("email")} />
      <TextInput label="Name" required {...form.getInputProps("name")} />
      <PasswordField
        label="Password"
        description="The user can sign in with it right away."
        autoComplete="new-password"
        required
        {...form.getInputProps("password")}
      />
      <FormActions onCancel={close} submitLabel="Create user" loading={create.isPending} mt="xs" />
    </FormModal>
  );
}
