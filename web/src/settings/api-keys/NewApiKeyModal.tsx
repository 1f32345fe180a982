import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { useCurrentSession } from "../../auth/SessionContext.ts";
import { readableAlert, readableErrors } from "../../tickets/common/contrast.ts";
import { AppModal } from "../../ui/Dialogs.tsx";
import { useKeyOwners, useRefreshApiKeys } from "./queries.ts";
import { type CreatedApiKey, SCOPES } from "./types.ts";

interface Values {
  name: string;
  scopes: string[];
  ownerId: string;
  expires: string;
}

const TICKET_PERMISSIONS = ["tickets:create", "tickets:manage", "tickets:close"];

/** What the chosen owner may do with tickets, in words: the key can never do more. */
function ownerSummary(name: string, permissions: string[]): string {
  const held = TICKET_PERMISSIONS.filter((p) => permissions.includes(p));
  if (held.length === 0) {
    return `${name} holds no ticket permissions: a ticket key acting as them sees only tickets they reported and changes none.`;
  }
  if (!held.includes("tickets:manage"))
    return `${name} holds ${held.join(", ")}: the key sees only tickets they reported.`;
  return `${name} is an agent (${held.join(", ")}): the key works for the service desk within these permissions.`;
}

function ShowKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" styles={readableAlert("yellow")} title="Copy the key now">
        This is the only time it is shown. Store it in your integration's secret store; if it is lost, revoke
        it and create a new one.
      </Alert>
      <TextInput label="API key" value={created.secret} readOnly onFocus={(e) => e.currentTarget.select()} />
      <Group justify="space-between">
        <CopyButton value={created.secret}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? "Copied" : "Copy key"}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
      <Text size="sm">
        Use it as <code>Authorization: Bearer {created.hint}</code> — the reference is at{" "}
        <a href="/public/v1/docs" target="_blank" rel="noreferrer">
          /public/v1/docs
        </a>
        .
      </Text>
      {created.notes.length > 0 ? (
        <Alert color="blue" styles={readableAlert("blue")} title="What this key can do">
          <List size="sm">
            {created.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}

export function NewApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useCurrentSession();
  const owners = useKeyOwners(opened);
  const refresh = useRefreshApiKeys();
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const form = useForm<Values>({
    initialValues: { name: "", scopes: ["tickets:read"], ownerId: session.user.id, expires: "" },
    validate: {
      name: (v) => (v.trim() ? null : "Enter a name"),
      scopes: (v) => (v.length > 0 ? null : "Pick at least one scope"),
    },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    setCreated(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<CreatedApiKey>("/api/api-keys", {
        name: values.name.trim(),
        scopes: values.scopes,
        owner_id: values.ownerId,
        ...(values.expires ? { expires_at: values.expires } : {}),
      }),
    onSuccess: (key) => {
      setCreated(key);
      void refresh();
    },
    onError: (error) => {
      const errors = fieldErrors(error, {
        name: "Name",
        scopes: "Scopes",
        owner_id: "Acts as",
        expires_at: "Expires",
      });
      form.setErrors({
        ...errors,
        ...(errors.owner_id ? { ownerId: errors.owner_id } : {}),
        ...(errors.expires_at ? { expires: errors.expires_at } : {}),
      });
      setFailure(Object.keys(errors).length > 0 ? null : errorMessage(error));
    },
  });

  const owner = owners.data?.find((o) => o.id === form.values.ownerId);
  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={created ? "Your new API key" : "New API key"}
      centered
      size="lg"
    >
      {created ? (
        <ShowKey created={created} onDone={close} />
      ) : (
        <form style={readableErrors} onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Stack gap="md">
            {failure ? (
              <Alert color="red" styles={readableAlert("red")} title="Could not create the key" role="alert">
                {failure}
              </Alert>
            ) : null}
            <TextInput
              label="Name"
              description="Say what uses it, e.g. “Monitoring”."
              required
              maxLength={100}
              data-autofocus
              {...form.getInputProps("name")}
            />
            <Checkbox.Group label="Scopes" required {...form.getInputProps("scopes")}>
              <Stack gap="xs" mt="xs">
                {SCOPES.map((s) => (
                  <Checkbox key={s.value} value={s.value} label={s.label} description={s.description} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NativeSelect
              label="Acts as"
              description={
                owner
                  ? `Never more than this user may do. ${ownerSummary(owner.name, owner.permissions)}`
                  : "Never more than this user may do."
              }
              data={(
                owners.data ?? [{ id: session.user.id, name: session.user.name, email: session.user.email }]
              ).map((o) => ({ value: o.id, label: `${o.name} (${o.email})` }))}
              {...form.getInputProps("ownerId")}
            />
            <TextInput
              label="Expires"
              description="Optional. The key stops working on this date (UTC)."
              type="date"
              {...form.getInputProps("expires")}
            />
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
