import { Alert, Badge, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { PasswordField } from "../ui/PasswordField.tsx";
import { useOperatorSession, useOperatorSignIn } from "./queries.ts";

export function OperatorSignInPage() {
  useDocumentTitle("Operator sign-in · Uslimato");
  const { data: session, isPending } = useOperatorSession();
  const signIn = useOperatorSignIn();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter your email address"),
      password: (v) => (v ? null : "Enter your password"),
    },
  });

  if (isPending) return <FullPageLoader />;
  if (session && !signIn.isPending) return <Navigate to="/operator" replace />;

  const onSubmit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => navigate("/operator", { replace: true }),
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  });

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl">
      <Stack gap="lg">
        <Stack gap={4} align="flex-start">
          <Badge variant="light" color="grape">
            Operator console
          </Badge>
          <Title order={1} fz="h2">
            Sign in
          </Title>
          <Text c="dimmed" size="sm">
            For the Uslimato team. Workspace users sign in on the regular sign-in page.
          </Text>
        </Stack>
        {failure ? (
          <Alert color="red" title="Sign-in failed">
            {failure}
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
            <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
              Sign in
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
