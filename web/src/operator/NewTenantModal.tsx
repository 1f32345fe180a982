import { SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { FormActions, FormModal, useModalForm } from "../ui/FormModal.tsx";
import { notifySuccess } from "../ui/notify.ts";
import { PasswordField } from "../ui/PasswordField.tsx";
import { useRefreshConsole } from "./queries.ts";
import type { Tenant } from "./types.ts";

interface NewTenantValues {
  slug: string;
  name: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
}

const LABELS = {
  slug: "Slug",
  name: "Name",
  adminEmail: "Administrator email",
  adminName: "Administrator name",
  adminPassword: "Administrator password",
};

const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function NewTenantModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshConsole();
  const form = useForm<NewTenantValues>({
    initialValues: { slug: "", name: "", adminEmail: "", adminName: "", adminPassword: "" },
    validate: {
      slug: (v) => (SLUG.test(v) ? null : "2–40 characters: lowercase letters, digits and dashes"),
      name: (v) => (v.trim() ? null : "Enter the organisation's name"),
      adminEmail: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter an email address"),
      adminPassword: (v) => (v ? null : "Enter a password"),
    },
  });
  const { failure, close, fail } = useModalForm({ form, labels: LABELS, onClose });

  const create = useMutation({
    mutationFn: (v: NewTenantValues) =>
      api.post<Tenant>("/api/operator/tenants", {
        slug: v.slug,
        name: v.name.trim(),
        adminEmail: v.adminEmail.trim(),
        ...(v.adminName.trim() ? { adminName: v.adminName.trim() } : {}),
        adminPassword: v.adminPassword,
      }),
    onSuccess: (tenant) => {
      notifySuccess(`${tenant.name} (${tenant.slug}) is ready.`, "Tenant created");
      close();
    },
    onError: fail,
    onSettled: refresh,
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="New tenant"
      size="lg"
      onSubmit={form.onSubmit((values) => create.mutate(values))}
      failure={{ title: "Could not create the tenant", message: failure }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Slug"
          description="Lowercase letters, digits and dashes"
          required
          data-autofocus
          {...form.getInputProps("slug")}
        />
        <TextInput label="Name" description="The organisation" required {...form.getInputProps("name")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Administrator email"
          description="The tenant's first user"
          type="email"
          required
          {...form.getInputProps("adminEmail")}
        />
        <TextInput label="Administrator name" description="Optional" {...form.getInputProps("adminName")} />
      </SimpleGrid>
      <PasswordField
        label="Administrator password"
        description="The first administrator signs in with it."
        autoComplete="new-password"
        required
        {...form.getInputProps("adminPassword")}
      />
      <FormActions onCancel={close} submitLabel="Create tenant" loading={create.isPending} mt="xs" />
    </FormModal>
  );
}
