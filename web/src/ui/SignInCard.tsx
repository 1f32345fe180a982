import { Alert, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import type { FormEventHandler, ReactNode } from "react";
import { PasswordField } from "./PasswordField.tsx";

/** The checks before a sign-in is sent (the server says whether the two match). */
export const signInRules = {
  email: (v: string) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter your email address"),
  password: (v: string) => (v ? null : "Enter your password"),
};

interface SignInCardProps {
  /** Above the heading (the operator console's badge). */
  badge?: ReactNode;
  /** Under the heading: who signs in here. */
  intro: string;
  /** Why the last attempt failed, in an alert ("Sign-in failed"). */
  failure: string | null;
  /** More to say above the form. */
  notice?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  email: GetInputPropsReturnType;
  password: GetInputPropsReturnType;
  /** Fields after Email and Password. */
  children?: ReactNode;
}

/** The sign-in card of workspace users and of operators: "Sign in", Email, Password, "Sign in". */
export function SignInCard({
  badge,
  intro,
  failure,
  notice,
  onSubmit,
  pending,
  email,
  password,
  children,
}: SignInCardProps) {
  return (
    <Paper withBorder shadow="sm" radius="md" p="xl">
      <Stack gap="lg">
        <Stack gap={4} align={badge ? "flex-start" : undefined}>
          {badge}
          <Title order={1} fz="h2">
            Sign in
          </Title>
          <Text c="dimmed" size="sm">
            {intro}
          </Text>
        </Stack>
        {failure ? (
          <Alert color="red" title="Sign-in failed">
            {failure}
          </Alert>
        ) : null}
        {notice}
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <TextInput label="Email" type="email" autoComplete="username" required {...email} />
            <PasswordField label="Password" autoComplete="current-password" required {...password} />
            {children}
            <Button type="submit" loading={pending} fullWidth mt="xs">
              Sign in
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
