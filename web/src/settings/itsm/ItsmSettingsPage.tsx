import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { can } from "../../auth/access.ts";
import { useCurrentSession } from "../../auth/SessionContext.ts";
import type { Session } from "../../auth/types.ts";
import { NotFoundPage } from "../../shell/NotFoundPage.tsx";
import { readableAlert, readableErrors } from "../../tickets/common/contrast.ts";
import { notifyDone } from "../../tickets/common/notify.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryStatus.tsx";

export interface ItsmSettings {
  ticketPrefix: string;
  autoCloseDays: number;
}

/** Settings → ITSM exists for settings:manage while the ITSM license is active. */
export function canManageItsm(session: Session): boolean {
  return session.itsmLicensed && can(session, "settings:manage");
}

const key = ["settings", "itsm"] as const;
const PREFIX_RE = /^[A-Z][A-Z0-9]{1,9}$/;

function ItsmForm({ settings }: { settings: ItsmSettings }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ ticketPrefix: string; autoCloseDays: number | string }>({
    initialValues: settings,
    // The server validates and explains (prefix: 2–10 A–Z/0–9 starting with a letter; days: 1–365).
    validate: {
      ticketPrefix: (v) => (v.trim() ? null : "Enter a ticket prefix"),
      autoCloseDays: (v) => (typeof v === "number" ? null : "Enter a number of days"),
    },
  });

  const save = useMutation({
    mutationFn: (values: ItsmSettings) => api.patch<ItsmSettings>("/api/settings/itsm", values),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      setFailure(null);
      notifyDone("New tickets use these settings from now on.", "ITSM settings saved");
    },
    onError: (error) => {
      const errors = fieldErrors(error, {
        ticketPrefix: "Ticket prefix",
        autoCloseDays: "Auto-close resolved tickets after (days)",
      });
      form.setErrors(errors);
      setFailure(Object.keys(errors).length > 0 ? null : errorMessage(error));
    },
  });

  const prefix = String(form.values.ticketPrefix);
  const example = PREFIX_RE.test(prefix) ? `${prefix}-000042` : null;

  return (
    <Paper withBorder radius="md" p="lg" maw={640}>
      <form
        style={readableErrors}
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate({ ticketPrefix: values.ticketPrefix, autoCloseDays: Number(values.autoCloseDays) }),
        )}
      >
        <Stack gap="lg">
          {failure ? (
            <Alert color="red" styles={readableAlert("red")} title="Could not save the settings" role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label="Ticket prefix"
            description={
              <>
                Starts every ticket number{example ? `, e.g. ${example}` : ""}. Changing it affects only new
                tickets; the counter continues.
              </>
            }
            required
            maxLength={20}
            autoComplete="off"
            {...form.getInputProps("ticketPrefix")}
            onChange={(event) => form.setFieldValue("ticketPrefix", event.currentTarget.value.toUpperCase())}
          />
          <NumberInput
            label="Auto-close resolved tickets after (days)"
            description="A resolved ticket that its reporter neither confirms nor rejects closes by itself."
            required
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("autoCloseDays")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** `/settings/itsm`: ticket prefix and auto-close. */
export function ItsmSettingsPage() {
  const session = useCurrentSession();
  const allowed = canManageItsm(session);
  const settings = useQuery({
    queryKey: key,
    queryFn: () => api.get<ItsmSettings>("/api/settings/itsm"),
    enabled: allowed,
  });
  if (!allowed) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <PageHeader title="ITSM" description="Service desk settings for this workspace." />
      {settings.data ? (
        <ItsmForm settings={settings.data} />
      ) : (
        <QueryStatus
          error={settings.error}
          onRetry={() => void settings.refetch()}
          label="the ITSM settings"
        />
      )}
      <Text size="sm" c="dimmed">
        Who works tickets is set in Settings → Permissions (the group “ITSM Agent”).
      </Text>
    </Stack>
  );
}
