import { Alert, Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { ApiError, errorMessage, fieldErrors } from "../api/errors.ts";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { PasswordField } from "../ui/PasswordField.tsx";
import { homePath } from "./access.ts";
import { useSession, useSignIn } from "./session.ts";
import type { WorkspaceChoice } from "./types.ts";

function workspacesOf(error: unknown): WorkspaceChoice[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const tenants = error.body.tenants;
  return Array.isArray(tenants) ? (tenants as WorkspaceChoice[]) : null;
}

export function SignInPage() {
  useDocumentTitle("Sign in · Uslimato");
  const { data: session, isPending } = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [workspaces, setWorkspaces] = useState<WorkspaceChoice[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const form = useForm({
    initialValues: { email: "", password: "", tenant: "" },
    onValuesChange: (values, previous) => {
      if (values.email !== previous.email) setWorkspaces(null);
    },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter your email address"),
      password: (v) => (v ? null : "Enter your password"),
      tenant: (v) => (workspaces && !v ? "Choose a workspace" : null),
    },
  });

  if (isPending) return <FullPageLoader />;
  if (session && !signIn.isPending) return <Navigate to={homePath(session)} replace />;

  const onSubmit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        ...(workspaces ? { tenant: values.tenant } : {}),
      },
      {
        onSuccess: (signedIn) => navigate(homePath(signedIn), { replace: true }),
        onError: (error) => {
          const choices = workspacesOf(error);
          if (choices) {
            setWorkspaces(choices);
            form.setFieldValue("tenant", "");
            return;
          }
          form.setErrors(fieldErrors(error, { email: "Email", password: "Password" }));
          setFailure(errorMessage(error));
        },
      },
    );
  });

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            Sign in
          </Title>
          <Text c="dimmed" size="sm">
            Sign in to your Uslimato workspace.
          </Text>
        </Stack>
        {failure ? (
          <Alert color="red" title="Sign-in failed" role="alert">
            {failure}
          </Alert>
        ) : null}
        {workspaces && !failure ? (
          <Alert color="blue">
            This email address belongs to several workspaces. Choose the one to sign in to.
          </Alert>
        ) : null}
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordField
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            {workspaces ? (
              <NativeSelect
                label="Workspace"
                data={[
                  { value: "", label: "Choose…", disabled: true },
                  ...workspaces.map((w) => ({ value: w.slug, label: `${w.name} (${w.slug})` })),
                ]}
                required
                {...form.getInputProps("tenant")}
              />
            ) : null}
            <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
              Sign in
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
