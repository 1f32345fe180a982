import {
  Alert,
  Button,
  Group,
  NumberInput,
  type NumberInputProps,
  SimpleGrid,
  Stack,
  Switch,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/client.ts";
import { errorMessage, fieldErrors } from "../api/errors.ts";
import { FEATURE_FLAGS } from "../auth/types.ts";
import { notifySuccess } from "../ui/notify.ts";
import { useRefreshConsole } from "./queries.ts";
import {
  FLAG_DESCRIPTIONS,
  LICENSE_DEFAULTS,
  type License,
  type LicenseInput,
  type Tenant,
} from "./types.ts";

interface LicenseValues {
  flags: string[];
  maxAgents: number | string;
  maxEmailsMonth: number | string;
  apiRateLimit: number | string;
}

function initialValues(license: License | null): LicenseValues {
  return license
    ? {
        flags: license.flags,
        maxAgents: license.maxAgents,
        maxEmailsMonth: license.maxEmailsMonth,
        apiRateLimit: license.apiRateLimit,
      }
    : { flags: [...FEATURE_FLAGS], ...LICENSE_DEFAULTS };
}

const LABELS = {
  maxAgents: "Max agents",
  maxEmailsMonth: "Max emails per month",
  apiRateLimit: "API rate limit",
};

/** A quota: a whole number, shown with thousands separators. */
function QuotaInput(props: NumberInputProps) {
  return <NumberInput allowDecimal={false} thousandSeparator="," {...props} />;
}

const whole = (label: string, min: number) => (v: number | string) =>
  typeof v === "number" && Number.isInteger(v) && v >= min
    ? null
    : `${label} must be a whole number of at least ${min}`;

/** The ITSM add-on license of one tenant: activation, the seven flags and the quotas. */
export function LicenseForm({ tenant }: { tenant: Tenant }) {
  const refresh = useRefreshConsole();
  const [failure, setFailure] = useState<string | null>(null);
  const active = tenant.license?.active === true;
  const form = useForm<LicenseValues>({
    initialValues: initialValues(tenant.license),
    validate: {
      maxAgents: whole(LABELS.maxAgents, 0),
      maxEmailsMonth: whole(LABELS.maxEmailsMonth, 0),
      apiRateLimit: whole(LABELS.apiRateLimit, 1),
    },
  });

  const save = useMutation({
    mutationFn: (input: LicenseInput) =>
      api.put<License>(`/api/operator/tenants/${encodeURIComponent(tenant.slug)}/license`, input),
    onSuccess: (license, input) => {
      setFailure(null);
      const what = input.active === active ? "updated" : input.active ? "activated" : "deactivated";
      notifySuccess(`The ITSM license of ${tenant.name} was ${what}.`);
      form.resetDirty(initialValues(license));
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error, LABELS));
      setFailure(errorMessage(error));
    },
    onSettled: refresh,
  });

  const submit = form.onSubmit((v) =>
    save.mutate({
      active: true,
      flags: v.flags,
      maxAgents: Number(v.maxAgents),
      maxEmailsMonth: Number(v.maxEmailsMonth),
      apiRateLimit: Number(v.apiRateLimit),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {failure ? (
          <Alert color="red" title="The license was not changed">
            {failure}
          </Alert>
        ) : null}
        <Switch.Group
          label="Feature flags"
          description="Each flag takes effect only while the license is active."
          {...form.getInputProps("flags")}
        >
          <Stack gap="sm" mt="xs">
            {FEATURE_FLAGS.map((flag) => (
              <Switch key={flag} value={flag} label={flag} description={FLAG_DESCRIPTIONS[flag]} />
            ))}
          </Stack>
        </Switch.Group>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <QuotaInput
            label={LABELS.maxAgents}
            description="Users holding tickets:manage"
            min={0}
            {...form.getInputProps("maxAgents")}
          />
          <QuotaInput
            label={LABELS.maxEmailsMonth}
            description="Ticket notifications"
            min={0}
            {...form.getInputProps("maxEmailsMonth")}
          />
          <QuotaInput
            label={LABELS.apiRateLimit}
            description="Requests per minute per key"
            min={1}
            {...form.getInputProps("apiRateLimit")}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm">
          {active ? (
            <Button
              variant="light"
              color="red"
              loading={save.isPending && save.variables?.active === false}
              onClick={() => save.mutate({ active: false })}
            >
              Deactivate license
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending && save.variables?.active === true}>
            {active ? "Save changes" : "Activate license"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
